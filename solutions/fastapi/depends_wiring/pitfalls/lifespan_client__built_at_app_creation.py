"""Pitfall: building the client when the app object is created, outside the lifespan, and never closing it.

Rejected by: test_the_client_is_closed_at_shutdown, test_no_lifespan_no_client
Why it is wrong: nothing ever closes a client made outside the lifespan, so its connections leak at every
shutdown or reload; and the app "works" without its startup having run, hiding a broken deployment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from fastapi import FastAPI, HTTPException

from solutions.fastapi.depends_wiring.lifespan_client import *  # the rest is the reference
from solutions.fastapi.depends_wiring.lifespan_client import HttpClient


def create_app(client_factory: Callable[[], httpx.AsyncClient]) -> FastAPI:
    app = FastAPI()
    app.state.http_client = client_factory()

    @app.get("/quote/{symbol}")
    async def quote(symbol: str, client: HttpClient) -> dict[str, Any]:
        response = await client.get(f"/quotes/{symbol}")
        price = response.json().get("price") if response.status_code < 500 else None
        if price is None:
            raise HTTPException(502, "the quote vendor failed")
        return {"symbol": symbol, "price": price}

    return app
