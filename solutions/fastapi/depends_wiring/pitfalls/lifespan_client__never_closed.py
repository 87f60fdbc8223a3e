"""Pitfall: a lifespan that builds the client but never closes it at shutdown.

Rejected by: test_the_client_is_closed_at_shutdown
Why it is wrong: the pool's sockets stay open after shutdown (and pile up across reloads and test apps);
redis-py and httpx both expect an explicit aclose().
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI, HTTPException

from solutions.fastapi.depends_wiring.lifespan_client import *  # the rest is the reference
from solutions.fastapi.depends_wiring.lifespan_client import HttpClient


def create_app(client_factory: Callable[[], httpx.AsyncClient]) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.http_client = client_factory()
        yield

    app = FastAPI(lifespan=lifespan)

    @app.get("/quote/{symbol}")
    async def quote(symbol: str, client: HttpClient) -> dict[str, Any]:
        response = await client.get(f"/quotes/{symbol}")
        price = response.json().get("price") if response.status_code < 500 else None
        if price is None:
            raise HTTPException(502, "the quote vendor failed")
        return {"symbol": symbol, "price": price}

    return app
