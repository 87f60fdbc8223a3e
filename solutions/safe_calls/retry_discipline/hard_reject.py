"""Reference solution: hard_reject."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from aiolimiter import AsyncLimiter
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse


@dataclass
class RateLimited(Exception):
    retry_after: int


async def start_or_reject(limiter: AsyncLimiter, *, max_wait: float = 0.0) -> None:
    if max_wait <= 0:
        if limiter.has_capacity():  # a check that takes nothing...
            await limiter.acquire()  # ...then the one real token (no await in between can steal it)
            return
    else:
        try:
            async with asyncio.timeout(max_wait):
                await limiter.acquire()
            return
        except TimeoutError:
            pass
    raise RateLimited(retry_after=max(1, math.ceil(limiter.time_period / limiter.max_rate)))


def create_app(limiter_factory: Callable[[], AsyncLimiter]) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.limiter = limiter_factory()
        yield

    app = FastAPI(lifespan=lifespan)

    @app.post("/burst")
    async def burst(request: Request) -> JSONResponse:
        try:
            await start_or_reject(request.app.state.limiter)
        except RateLimited as exc:
            return JSONResponse(
                {"detail": "rate limited"}, status_code=429, headers={"Retry-After": str(exc.retry_after)}
            )
        return JSONResponse({"accepted": True})

    return app
