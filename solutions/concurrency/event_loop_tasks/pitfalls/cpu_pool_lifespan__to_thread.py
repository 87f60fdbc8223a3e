"""Pitfall: computing with asyncio.to_thread instead of the app's process pool.

Rejected by: test_one_pool_for_the_whole_app
Why it is wrong: the loop stays responsive-ish, but CPU-bound pure Python in a thread holds the GIL the
event loop needs; throughput does not scale and latency of every request suffers.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import asynccontextmanager

from fastapi import FastAPI

from solutions.concurrency.event_loop_tasks.cpu_pool_lifespan import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.cpu_pool_lifespan import count_primes


def create_app(*, executor_factory: Callable[[], Executor] = ProcessPoolExecutor) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.pool = executor_factory()
        yield
        app.state.pool.shutdown(wait=True)

    app = FastAPI(lifespan=lifespan)

    @app.get("/primes/{limit}")
    async def primes(limit: int) -> dict[str, int]:
        return {"count": await asyncio.to_thread(count_primes, limit)}

    return app
