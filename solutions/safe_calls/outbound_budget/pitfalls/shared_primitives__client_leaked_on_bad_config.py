"""Pitfall: the client is built before the gate check, and the check's ValueError leaves it open.

Rejected by: test_gate_larger_than_pool_fails_at_startup
Why it is wrong: the failed startup leaks a pooled client (and its sockets); a supervisor restarting the
crashing pod leaks one per attempt.
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
        client = make_vendor_client(settings, transport=transport)
        if gate_size > settings.max_connections:
            raise ValueError(f"gate_size {gate_size} exceeds max_connections {settings.max_connections}")
        try:
            app.state.primitives = Primitives(client, asyncio.Semaphore(gate_size), AsyncLimiter(*rate))
            yield
        finally:
            await client.aclose()

    app.router.lifespan_context = lifespan
    return app
