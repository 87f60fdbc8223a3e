"""Pitfall: the dependency never reads X-Tier, so every HTTP caller is held to the free limit.

Rejected by: test_http_reads_the_tier_header_and_defaults_to_free
Why it is wrong: paying customers hit the free tier's 10 per minute and get 429s they paid to avoid; the
quota logic is right and the HTTP edge throws the tier away.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException

from solutions.safe_calls.production_stack.tier_quota import *  # the rest is the reference
from solutions.safe_calls.production_stack.tier_quota import FixedWindowQuota, QuotaExceeded


def quota_dependency(quota: FixedWindowQuota, *, scope: str) -> Callable[..., Awaitable[None]]:
    async def enforce(x_user_id: Annotated[str, Header()]) -> None:
        try:
            await quota.hit(x_user_id, "free", scope)
        except QuotaExceeded as exc:
            raise HTTPException(
                429, detail="free tier quota used up", headers={"Retry-After": str(exc.retry_after)}
            ) from None

    return enforce


def create_app(quota: FixedWindowQuota) -> FastAPI:
    app = FastAPI()

    @app.get("/chat", dependencies=[Depends(quota_dependency(quota, scope="chat"))])
    async def chat() -> dict[str, str]:
        return {"route": "chat"}

    @app.get("/search", dependencies=[Depends(quota_dependency(quota, scope="search"))])
    async def search() -> dict[str, str]:
        return {"route": "search"}

    return app
