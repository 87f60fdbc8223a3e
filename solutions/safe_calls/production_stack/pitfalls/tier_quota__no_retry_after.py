"""Pitfall: answering 429 without a Retry-After header.

Rejected by: test_http_answers_429_with_whole_second_retry_after
Why it is wrong: the server knows exactly when the window ends; without Retry-After, well-behaved clients
guess (and retry too early, adding load), and the retry_discipline callers cannot pace themselves.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException

from solutions.safe_calls.production_stack.tier_quota import *  # the rest is the reference
from solutions.safe_calls.production_stack.tier_quota import FixedWindowQuota, QuotaExceeded


def quota_dependency(quota: FixedWindowQuota, *, scope: str) -> Callable[..., Awaitable[None]]:
    async def enforce(x_user_id: Annotated[str, Header()], x_tier: Annotated[str, Header()] = "free") -> None:
        try:
            await quota.hit(x_user_id, x_tier, scope)
        except QuotaExceeded:
            raise HTTPException(429, detail=f"{x_tier} tier quota for {scope} is used up") from None

    return enforce


def create_app(quota: FixedWindowQuota) -> FastAPI:  # the reference's, bound to the dependency above
    app = FastAPI()

    @app.get("/chat", dependencies=[Depends(quota_dependency(quota, scope="chat"))])
    async def chat() -> dict[str, str]:
        return {"route": "chat"}

    @app.get("/search", dependencies=[Depends(quota_dependency(quota, scope="search"))])
    async def search() -> dict[str, str]:
        return {"route": "search"}

    return app
