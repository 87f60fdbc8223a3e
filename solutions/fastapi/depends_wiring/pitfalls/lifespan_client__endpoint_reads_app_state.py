"""Pitfall: the endpoint reads request.app.state.http_client itself instead of using Depends(get_http_client).

Rejected by: test_the_route_uses_the_dependency_seam
Why it is wrong: tests can no longer replace the client with dependency_overrides; they must reach into
app.state (or the network). One tiny dependency is the seam that keeps the route testable.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI, HTTPException, Request

from solutions.fastapi.depends_wiring.lifespan_client import *  # the rest is the reference


def create_app(client_factory: Callable[[], httpx.AsyncClient]) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with client_factory() as client:
            app.state.http_client = client
            yield

    app = FastAPI(lifespan=lifespan)

    @app.get("/quote/{symbol}")
    async def quote(symbol: str, request: Request) -> dict[str, Any]:
        response = await request.app.state.http_client.get(f"/quotes/{symbol}")
        price = response.json().get("price") if response.status_code < 500 else None
        if price is None:
            raise HTTPException(502, "the quote vendor failed")
        return {"symbol": symbol, "price": price}

    return app
