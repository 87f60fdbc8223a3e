"""Exercise 1 of resilience_patterns: a circuit breaker with a real half-open state.

Brief: katas/safe_calls/resilience_patterns/README.md. Run: `kata run circuit_breaker`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass


class State(enum.StrEnum):
    CLOSED = "closed"  # calls flow; consecutive failures are counted
    OPEN = "open"  # fail fast until open_s has passed
    HALF_OPEN = "half_open"  # a few probe calls decide: close again, or reopen


@dataclass(eq=False)
class CircuitOpen(Exception):
    """Fail-fast signal: the vendor is considered down; try again in `retry_after` seconds."""

    retry_after: float


def counts_as_failure(exc: BaseException) -> bool:
    """Does this exception say the vendor is unhealthy?

    True for an `httpx.HTTPStatusError` with a 5xx status, for transport failures that can heal
    (`httpx.TimeoutException`, `httpx.NetworkError`, `httpx.RemoteProtocolError`) and for the builtin
    `TimeoutError`. False for 4xx (our request's fault), for cancellation (the caller left), and for
    anything else (a bug in our code, a bad URL scheme).
    """
    raise NotImplementedError


class CircuitBreaker:
    """A pod-local circuit breaker: closed → open after consecutive failures → half-open after open_s →
    closed after enough probe successes, or open again after one probe failure."""

    def __init__(
        self,
        *,
        failure_threshold: int = 5,
        success_threshold: int = 2,
        open_s: float = 60.0,
        half_open_max_probes: int = 1,
        clock: Callable[[], float] | None = None,
    ) -> None:
        """Start CLOSED. `clock` (seconds, monotonic) defaults to `time.monotonic`, looked up here (never
        `time.time`: the wall clock jumps).

        Keep the four settings as public attributes of the same names (`failure_threshold`,
        `success_threshold`, `open_s`, `half_open_max_probes`): callers and tests read them, e.g.
        `clock.advance(breaker.open_s)`.
        """
        raise NotImplementedError

    @property
    def state(self) -> State:
        """The current state. OPEN turns into HALF_OPEN lazily, when read, once `open_s` has elapsed
        (at exactly `open_s`, too)."""
        raise NotImplementedError

    def before_call(self) -> None:
        """Admit a call or fail fast.

        OPEN: raise CircuitOpen(retry_after = seconds left of open_s). HALF_OPEN: admit the call as a
        probe while fewer than `half_open_max_probes` probes are in flight, else raise CircuitOpen.
        """
        raise NotImplementedError

    def record_success(self) -> None:
        """An admitted call worked. CLOSED: the consecutive-failure count starts again. HALF_OPEN: frees
        its probe slot; `success_threshold` successes close the breaker."""
        raise NotImplementedError

    def record_failure(self) -> None:
        """An admitted call failed because of the vendor. CLOSED: `failure_threshold` consecutive failures
        open the breaker. HALF_OPEN: open again at once, for a full `open_s`."""
        raise NotImplementedError

    def record_neutral(self) -> None:
        """An admitted call ended without saying anything about the vendor (4xx, cancelled): frees its probe
        slot and changes nothing else."""
        raise NotImplementedError

    def guard(self) -> AbstractAsyncContextManager[None]:
        """`async with breaker.guard(): ...` calls `before_call` on entry and exactly one `record_*` on exit:
        success if the body finished, failure or neutral by `counts_as_failure` if it raised (the exception,
        cancellation included, always propagates)."""
        raise NotImplementedError
