"""Pitfall: calling the blocking function directly inside the coroutine.

Rejected by: test_the_loop_stays_free, test_fn_runs_on_another_thread
Why it is wrong: `async def` does not make a blocking call non-blocking; while fn runs, the loop's only
thread is busy and every other request waits.
"""

from __future__ import annotations

from collections.abc import Callable

from solutions.concurrency.event_loop_tasks.offload_blocking import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.offload_blocking import P, R


async def offload(fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    return fn(*args, **kwargs)
