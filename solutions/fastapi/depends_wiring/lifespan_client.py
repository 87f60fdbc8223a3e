"""Reference solution: lifespan_client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, HTTPException, Request


class LifespanNotStarted(RuntimeError):
    """A request needed the shared client, but the app's lifespan has not run (so there is none)."""


async def get_http_client(request: Request) -> httpx.AsyncClient:
    client: httpx.AsyncClient | None = getattr(request.app.state, "http_client", None)
    if client is None:
        raise LifespanNotStarted("no shared HTTP client: the app's lifespan has not started")
    return client


HttpClient = Annotated[httpx.AsyncClient, Depends(get_http_client)]


def create_app(client_factory: Callable[[], httpx.AsyncClient]) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with client_factory() as client:
            app.state.http_client = client
            try:
                yield
            finally:
                del app.state.http_client

    app = FastAPI(lifespan=lifespan)

    @app.get("/quote/{symbol}")
    async def quote(symbol: str, client: HttpClient) -> dict[str, Any]:
        response = await client.get(f"/quotes/{symbol}")
        if response.status_code >= 500:
            raise HTTPException(502, "the quote vendor failed")
        price = response.json().get("price")
        if price is None:
            raise HTTPException(502, "the quote vendor sent no price")
        return {"symbol": symbol, "price": price}

    return app
