"""Pitfall: sending CPU-bound work to a thread (asyncio.to_thread) instead of a process.

Rejected by: test_cpu_runs_in_a_child_process
Why it is wrong: in default CPython only one thread runs Python bytecode at a time; a pure-Python CPU
loop in a thread competes with the event loop for the same GIL, so it neither runs in parallel nor
leaves the loop fully responsive. Processes have a GIL each.
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
        if workload == "cpu":
            return await asyncio.to_thread(fn, *args)
        return await asyncio.get_running_loop().run_in_executor(self._pools["thread"], fn, *args)
