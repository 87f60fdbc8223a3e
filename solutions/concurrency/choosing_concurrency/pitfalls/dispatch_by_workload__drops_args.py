"""Pitfall: the callable is handed to the pool without its arguments.

Rejected by: test_arguments_reach_the_function
Why it is wrong: every call that needs an argument (which is nearly all of them) fails with a
TypeError inside the worker; `run_in_executor(pool, fn, *args)` passes them along.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from solutions.concurrency.choosing_concurrency.dispatch_by_workload import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.dispatch_by_workload import Dispatcher as _Dispatcher
from solutions.concurrency.choosing_concurrency.dispatch_by_workload import Workload, choose_model


class Dispatcher(_Dispatcher):
    async def run(self, workload: Workload, fn: Callable[..., Any], *args: Any) -> Any:
        model = choose_model(workload)
        if model == "event_loop":
            return await fn(*args)
        return await asyncio.get_running_loop().run_in_executor(self._pools[model], fn)
