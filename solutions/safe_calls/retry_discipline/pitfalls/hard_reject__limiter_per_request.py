"""Pitfall: building the limiter inside the request handler.

Rejected by: test_app_answers_429_with_retry_after
Why it is wrong: every request gets a fresh, full bucket, so nothing is ever limited; shared state for
all requests belongs in the lifespan (app.state), created once.
"""

from __future__ import annotations

from collections.abc import Callable

from aiolimiter import AsyncLimiter
from fastapi import FastAPI
from fastapi.responses import JSONResponse

from solutions.safe_calls.retry_discipline.hard_reject import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.hard_reject import RateLimited, start_or_reject


def create_app(limiter_factory: Callable[[], AsyncLimiter]) -> FastAPI:
    app = FastAPI()

    @app.post("/burst")
    async def burst() -> JSONResponse:
        try:
            await start_or_reject(limiter_factory())
        except RateLimited as exc:
            return JSONResponse(
                {"detail": "rate limited"}, status_code=429, headers={"Retry-After": str(exc.retry_after)}
            )
        return JSONResponse({"accepted": True})

    return app
