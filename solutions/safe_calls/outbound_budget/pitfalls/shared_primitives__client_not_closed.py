"""Pitfall: a lifespan that builds the client but never closes it.

Rejected by: test_the_client_is_closed_at_shutdown
Why it is wrong: pooled connections to the vendor stay open after shutdown and pile up across reloads.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from aiolimiter import AsyncLimiter
from fastapi import FastAPI

from solutions.safe_calls.outbound_budget.shared_primitives import *  # the rest is the reference
from solutions.safe_calls.outbound_budget.shared_primitives import (
    Primitives,
    VendorClientSettings,
    make_vendor_client,
)
from solutions.safe_calls.outbound_budget.shared_primitives import create_app as _reference


def create_app(
    settings: VendorClientSettings,
    *,
    gate_size: int,
    rate: tuple[float, float],
    transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    app = _reference(settings, gate_size=gate_size, rate=rate, transport=transport)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if gate_size > settings.max_connections:
            raise ValueError(f"gate_size {gate_size} > max_connections {settings.max_connections}")
        client = make_vendor_client(settings, transport=transport)
        app.state.primitives = Primitives(client, asyncio.Semaphore(gate_size), AsyncLimiter(*rate))
        yield

    app.router.lifespan_context = lifespan
    return app
