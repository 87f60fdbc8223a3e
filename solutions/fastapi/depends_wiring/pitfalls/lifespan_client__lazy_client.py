"""Pitfall: creating the client lazily inside get_http_client when the lifespan has not made one.

Rejected by: test_no_lifespan_no_client
Why it is wrong: a lazily created client belongs to nobody: no shutdown closes it, and a missing startup
(a misconfigured server, a test that forgot the lifespan) goes unnoticed instead of failing loudly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, HTTPException, Request

from solutions.fastapi.depends_wiring.lifespan_client import *  # the rest is the reference


async def get_http_client(request: Request) -> httpx.AsyncClient:
    if getattr(request.app.state, "http_client", None) is None:
        request.app.state.http_client = httpx.AsyncClient()
    return request.app.state.http_client


def create_app(client_factory: Callable[[], httpx.AsyncClient]) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with client_factory() as client:
            app.state.http_client = client
            yield
            app.state.http_client = None

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
