"""Reference solution: guaranteed_cleanup."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Literal, TypeVar

T = TypeVar("T")

Outcome = Literal["ok", "error", "timeout", "cancelled"]

log = logging.getLogger(__name__)
_recording: set[asyncio.Task[None]] = set()  # strong references to records that outlive a second cancel


async def run_and_record(
    work: Callable[[], Awaitable[T]],
    *,
    timeout_s: float,
    record: Callable[[Outcome, float], Awaitable[None]],
    clock: Callable[[], float],
    cleanup_timeout_s: float = 1.0,
) -> T:
    return await _timed(work, timeout_s, clock, then=partial(_record, record, cleanup_timeout_s))


async def _timed(
    work: Callable[[], Awaitable[T]],
    timeout_s: float,
    clock: Callable[[], float],
    *,
    then: Callable[[Outcome, float], Awaitable[None]],
) -> T:
    """Run `work` under its deadline; however it ends, await `then(outcome, duration)`."""
    started = clock()
    outcome: Outcome = "error"
    try:
        async with asyncio.timeout(timeout_s):
            result = await work()
        outcome = "ok"
        return result
    except TimeoutError:
        outcome = "timeout"
        raise
    except asyncio.CancelledError:
        outcome = "cancelled"
        raise
    finally:
        await then(outcome, clock() - started)


async def _record(
    record: Callable[[Outcome, float], Awaitable[None]], limit: float, outcome: Outcome, duration: float
) -> None:
    """Shielded from a second cancel, bounded by `limit`, and never raising into the caller's `finally`."""
    task = asyncio.ensure_future(record(outcome, duration))
    _recording.add(task)
    task.add_done_callback(_recording.discard)
    try:
        async with asyncio.timeout(limit):
            await asyncio.shield(task)  # a second cancel stops our wait, not the record
    except TimeoutError:
        task.cancel()  # a stuck sink must not hold the request hostage
        log.warning("recording %s took longer than %s s; dropped", outcome, limit)
    except Exception:
        log.exception("recording %s failed", outcome)
