"""Pitfall: building a fresh executor for every call instead of reusing the injected ones.

Rejected by: test_the_injected_pools_are_reused
Why it is wrong: every call pays thread (or, far worse, process) start-up, nothing bounds the total
number of workers across concurrent requests, and the pools the application sized and will shut down
on exit are never used.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from solutions.concurrency.choosing_concurrency.dispatch_by_workload import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.dispatch_by_workload import Dispatcher as _Reference
from solutions.concurrency.choosing_concurrency.dispatch_by_workload import Workload


class Dispatcher(_Reference):
    async def run(self, workload: Workload, fn: Callable[..., Any], *args: Any) -> Any:
        if workload == "blocking_io":
            pool = ThreadPoolExecutor(max_workers=1)
            try:
                return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)
            finally:
                pool.shutdown(wait=False)
        return await super().run(workload, fn, *args)
