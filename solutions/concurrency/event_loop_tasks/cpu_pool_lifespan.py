"""Reference solution: cpu_pool_lifespan."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request


def count_primes(limit: int) -> int:
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n**0.5) + 1)))


def create_app(*, executor_factory: Callable[[], Executor] = ProcessPoolExecutor) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.pool = executor_factory()
        try:
            yield
        finally:
            await asyncio.to_thread(app.state.pool.shutdown, True)

    app = FastAPI(lifespan=lifespan)

    @app.get("/primes/{limit}")
    async def primes(limit: int, request: Request) -> dict[str, int]:
        loop = asyncio.get_running_loop()
        return {"count": await loop.run_in_executor(request.app.state.pool, count_primes, limit)}

    return app
