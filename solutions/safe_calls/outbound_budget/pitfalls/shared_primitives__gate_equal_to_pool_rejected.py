"""Pitfall: the startup check refuses gate_size == max_connections (>= instead of >).

Rejected by: test_a_gate_as_large_as_the_pool_is_fine
Why it is wrong: a gate exactly the size of the pool is the natural configuration (every admitted call
gets a connection at once); refusing it makes the service fail to start on a correct config.
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
from solutions.safe_calls.outbound_budget.shared_primitives import create_app as _reference_create_app


def create_app(
    settings: VendorClientSettings,
    *,
    gate_size: int,
    rate: tuple[float, float],
    transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    app = _reference_create_app(settings, gate_size=gate_size, rate=rate, transport=transport)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if gate_size >= settings.max_connections:
            raise ValueError(f"gate_size {gate_size} >= max_connections {settings.max_connections}")
        async with make_vendor_client(settings, transport=transport) as client:
            app.state.primitives = Primitives(client, asyncio.Semaphore(gate_size), AsyncLimiter(*rate))
            yield

    app.router.lifespan_context = lifespan
    return app
