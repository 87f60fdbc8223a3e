"""Exercise 4 of depends_wiring: one shared HTTP client, built in the lifespan, reached through a dependency.

Brief: katas/fastapi/depends_wiring/README.md. Run: `kata run lifespan_client`.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
from fastapi import FastAPI, Request


class LifespanNotStarted(RuntimeError):
    """A request needed the shared client, but the app's lifespan has not run (so there is none)."""


async def get_http_client(request: Request) -> httpx.AsyncClient:
    """The one seam for the shared client: return `request.app.state.http_client`.

    If it is absent, raise LifespanNotStarted (with "lifespan" in the message). Never create a client
    here: a client per request throws away connection pooling, and a lazily created one is never closed.
    It is `async def` because it does no blocking work: FastAPI runs plain `def` dependencies in a worker
    thread, which costs a thread hop per request for nothing.
    """
    raise NotImplementedError


def create_app(client_factory: Callable[[], httpx.AsyncClient]) -> FastAPI:
    """An app whose lifespan calls `client_factory()` exactly once at startup, stores the client on
    `app.state.http_client` (not only in the lifespan's state dict) and closes it at shutdown.

    Route GET /quote/{symbol}: takes the client through Depends(get_http_client), calls the vendor's
    GET /quotes/{symbol} (a path relative to the client's base_url) and answers
    {"symbol": symbol, "price": <the vendor's "price">}. A vendor 5xx, or a vendor answer without a
    "price", becomes 502 (bad gateway).
    """
    raise NotImplementedError
