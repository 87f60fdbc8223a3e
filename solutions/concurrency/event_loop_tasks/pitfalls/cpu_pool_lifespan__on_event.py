"""Pitfall: @app.on_event("startup") / ("shutdown") hooks instead of a lifespan.

Rejected by: test_no_deprecated_startup_hooks
Why it is wrong: on_event is deprecated in FastAPI (it emits DeprecationWarning) in favour of the
lifespan context manager, which keeps setup and teardown of one resource in one place.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor

from fastapi import FastAPI, Request

from solutions.concurrency.event_loop_tasks.cpu_pool_lifespan import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.cpu_pool_lifespan import count_primes


def create_app(*, executor_factory: Callable[[], Executor] = ProcessPoolExecutor) -> FastAPI:
    app = FastAPI()

    @app.on_event("startup")
    async def start() -> None:
        app.state.pool = executor_factory()

    @app.on_event("shutdown")
    async def stop() -> None:
        app.state.pool.shutdown(wait=True)

    @app.get("/primes/{limit}")
    async def primes(limit: int, request: Request) -> dict[str, int]:
        loop = asyncio.get_running_loop()
        return {"count": await loop.run_in_executor(request.app.state.pool, count_primes, limit)}

    return app
