"""Pitfall: creating the pool in the lifespan but never shutting it down.

Rejected by: test_the_pool_is_shut_down_with_the_app
Why it is wrong: worker processes outlive the app (or are killed mid-task at interpreter exit), and in
tests every app leaks a pool.
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
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.pool = executor_factory()
        yield

    app = FastAPI(lifespan=lifespan)

    @app.get("/primes/{limit}")
    async def primes(limit: int, request: Request) -> dict[str, int]:
        loop = asyncio.get_running_loop()
        return {"count": await loop.run_in_executor(request.app.state.pool, count_primes, limit)}

    return app
