"""Exercise 4 of production_stack: record one outcome for every call, even when the caller is cancelled.

Brief: katas/safe_calls/production_stack/README.md. Run: `kata run guaranteed_cleanup`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Literal, TypeVar

T = TypeVar("T")

Outcome = Literal["ok", "error", "timeout", "cancelled"]


async def run_and_record(
    work: Callable[[], Awaitable[T]],
    *,
    timeout_s: float,
    record: Callable[[Outcome, float], Awaitable[None]],
    clock: Callable[[], float],
    cleanup_timeout_s: float = 1.0,
) -> T:
    """Run `work()` once under a `timeout_s` timeout and record exactly one `(outcome, duration)`.

    - outcome: "ok" (returned), "timeout" (the timeout fired: TimeoutError propagates), "cancelled"
      (the caller was cancelled: CancelledError propagates), "error" (anything else; it propagates);
    - duration: seconds by the injected `clock`, from the start of `work` to its end;
    - the record is awaited through a shield (a second cancel cannot kill it), for at most
      `cleanup_timeout_s`; a recorder that fails or hangs never masks the original result or exception;
    - cleanup never calls `work` again: no retries, no new vendor calls.
    """
    raise NotImplementedError
