"""Pitfall: a fresh executor for every request (`with ProcessPoolExecutor() as pool:` in the endpoint).

Rejected by: test_one_pool_for_the_whole_app
Why it is wrong: each request pays process start-up (and pickles into a cold pool), concurrent requests
multiply the worker count without bound, and leaving the `with` block blocks until the work is done.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor

from fastapi import FastAPI

from solutions.concurrency.event_loop_tasks.cpu_pool_lifespan import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.cpu_pool_lifespan import count_primes


def create_app(*, executor_factory: Callable[[], Executor] = ProcessPoolExecutor) -> FastAPI:
    app = FastAPI()

    @app.get("/primes/{limit}")
    async def primes(limit: int) -> dict[str, int]:
        with executor_factory() as pool:
            return {"count": await asyncio.get_running_loop().run_in_executor(pool, count_primes, limit)}

    return app
