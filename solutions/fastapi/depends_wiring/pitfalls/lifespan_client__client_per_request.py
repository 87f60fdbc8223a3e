"""Pitfall: a yield dependency that builds (and closes) a new client for every request.

Rejected by: test_one_client_serves_every_request, test_the_shared_client_reuses_its_connection
Why it is wrong: each request pays for a new connection pool: a TCP connect (and a TLS handshake) per
call, no keep-alive, and no shared limit on connections to the vendor.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, HTTPException, Request

from solutions.fastapi.depends_wiring.lifespan_client import *  # the rest is the reference


async def fresh_client(request: Request) -> AsyncIterator[httpx.AsyncClient]:
    async with request.app.state.client_factory() as client:
        yield client


def create_app(client_factory: Callable[[], httpx.AsyncClient]) -> FastAPI:
    app = FastAPI()
    app.state.client_factory = client_factory

    @app.get("/quote/{symbol}")
    async def quote(
        symbol: str, client: Annotated[httpx.AsyncClient, Depends(fresh_client)]
    ) -> dict[str, Any]:
        response = await client.get(f"/quotes/{symbol}")
        price = response.json().get("price") if response.status_code < 500 else None
        if price is None:
            raise HTTPException(502, "the quote vendor failed")
        return {"symbol": symbol, "price": price}

    return app
