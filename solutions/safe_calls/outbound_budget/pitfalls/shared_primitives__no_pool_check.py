"""Pitfall: no check that the gate fits inside the connection pool.

Rejected by: test_gate_larger_than_pool_fails_at_startup
Why it is wrong: with gate 25 and a pool of 10, fifteen admitted callers queue inside httpx's pool and
hit PoolTimeout; the gate promised capacity the pool cannot give. Fail the deploy at startup instead.
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
        async with make_vendor_client(settings, transport=transport) as client:
            app.state.primitives = Primitives(client, asyncio.Semaphore(gate_size), AsyncLimiter(*rate))
            yield

    app.router.lifespan_context = lifespan
    return app
