"""Reference solution: dispatch_by_workload."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, Literal

Workload = Literal["cpu", "blocking_io", "async_io"]
Model = Literal["process", "thread", "event_loop"]

_MODELS: dict[str, Model] = {"cpu": "process", "blocking_io": "thread", "async_io": "event_loop"}


def choose_model(workload: Workload) -> Model:
    return _MODELS[workload]


class Dispatcher:
    def __init__(self, *, threads: Executor, processes: Executor) -> None:
        self._pools: dict[Model, Executor] = {"thread": threads, "process": processes}

    async def run(self, workload: Workload, fn: Callable[..., Any], *args: Any) -> Any:
        model = choose_model(workload)
        if model == "event_loop":
            return await fn(*args)
        return await asyncio.get_running_loop().run_in_executor(self._pools[model], fn, *args)

    async def aclose(self) -> None:
        for pool in self._pools.values():
            await asyncio.to_thread(pool.shutdown, True)
