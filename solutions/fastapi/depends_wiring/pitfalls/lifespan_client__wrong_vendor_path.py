"""Pitfall: the route calls the vendor at its own path (/quote/{symbol}) instead of the vendor's /quotes/{symbol}.

Rejected by: test_one_client_serves_every_request
Why it is wrong: against the real vendor every quote is a 404 without a price, so every request becomes a
502; a fake that answers any path hides it until production.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, HTTPException

from solutions.fastapi.depends_wiring.lifespan_client import *  # the rest is the reference
from solutions.fastapi.depends_wiring.lifespan_client import get_http_client


def create_app(client_factory: Callable[[], httpx.AsyncClient]) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with client_factory() as client:
            app.state.http_client = client
            yield

    app = FastAPI(lifespan=lifespan)

    @app.get("/quote/{symbol}")
    async def quote(
        symbol: str, client: Annotated[httpx.AsyncClient, Depends(get_http_client)]
    ) -> dict[str, Any]:
        response = await client.get(f"/quote/{symbol}")
        price = response.json().get("price") if response.status_code < 500 else None
        if price is None:
            raise HTTPException(502, "the quote vendor failed")
        return {"symbol": symbol, "price": price}

    return app
