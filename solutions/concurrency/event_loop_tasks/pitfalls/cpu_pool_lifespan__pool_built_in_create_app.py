"""Pitfall: the executor is built when the app is created; the lifespan only shuts it down.

Rejected by: test_each_startup_gets_a_fresh_pool
Why it is wrong: the pool exists before (and without) startup, so an app that is built but never
served leaks worker processes; and an app started a second time (tests, a reload) finds its pool
already shut down: "cannot schedule new futures after shutdown" on the first request.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request

from solutions.concurrency.event_loop_tasks.cpu_pool_lifespan import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.cpu_pool_lifespan import count_primes


def create_app(*, executor_factory: Callable[[], Executor] = ProcessPoolExecutor) -> FastAPI:
    pool = executor_factory()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await asyncio.to_thread(pool.shutdown, True)

    app = FastAPI(lifespan=lifespan)

    @app.get("/primes/{limit}")
    async def primes(limit: int, request: Request) -> dict[str, int]:
        return {"count": await asyncio.get_running_loop().run_in_executor(pool, count_primes, limit)}

    return app
