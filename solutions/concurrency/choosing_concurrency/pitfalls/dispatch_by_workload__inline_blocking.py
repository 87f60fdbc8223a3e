"""Pitfall: calling a blocking function directly inside the coroutine.

Rejected by: test_the_loop_stays_free_during_blocking_io, test_blocking_io_runs_in_a_thread
Why it is wrong: the event loop has one thread; while a blocking call runs on it, no other request,
timer or health check makes progress. Latency of every concurrent request grows by the call's length.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from solutions.concurrency.choosing_concurrency.dispatch_by_workload import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.dispatch_by_workload import Dispatcher as _Reference
from solutions.concurrency.choosing_concurrency.dispatch_by_workload import Workload


class Dispatcher(_Reference):
    async def run(self, workload: Workload, fn: Callable[..., Any], *args: Any) -> Any:
        if workload == "async_io":
            return await fn(*args)
        if workload == "blocking_io":
            return fn(*args)
        return await asyncio.get_running_loop().run_in_executor(self._pools["process"], fn, *args)
