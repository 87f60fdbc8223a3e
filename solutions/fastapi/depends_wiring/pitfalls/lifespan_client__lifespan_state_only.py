"""Pitfall: keeping the client only in the lifespan's state dict (yield {"http_client": client}).

Rejected by: test_concurrent_requests_share_the_client
Why it is wrong: the spec says app.state, and for a reason: lifespan state reaches requests only when
the server runs the lifespan itself. Requests sent through httpx.ASGITransport (after entering
app.router.lifespan_context by hand, as async tests do) never see it, so the app breaks under test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, HTTPException, Request

from solutions.fastapi.depends_wiring.lifespan_client import *  # the rest is the reference


async def get_http_client(request: Request) -> httpx.AsyncClient:
    return request.state.http_client


def create_app(client_factory: Callable[[], httpx.AsyncClient]) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Any]]:
        async with client_factory() as client:
            yield {"http_client": client}

    app = FastAPI(lifespan=lifespan)

    @app.get("/quote/{symbol}")
    async def quote(
        symbol: str, client: Annotated[httpx.AsyncClient, Depends(get_http_client)]
    ) -> dict[str, Any]:
        response = await client.get(f"/quotes/{symbol}")
        price = response.json().get("price") if response.status_code < 500 else None
        if price is None:
            raise HTTPException(502, "the quote vendor failed")
        return {"symbol": symbol, "price": price}

    return app
