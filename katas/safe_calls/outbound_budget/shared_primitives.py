"""Exercise 3 of outbound_budget: the client, the gate and the limiter, created once per app, per event loop.

Brief: katas/safe_calls/outbound_budget/README.md. Run: `kata run shared_primitives`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx
from aiolimiter import AsyncLimiter
from fastapi import FastAPI, Request

from katas.safe_calls.outbound_budget.client_limits import VendorClientSettings


@dataclass
class Primitives:
    """Process-wide outbound controls for one vendor, built in the lifespan of one running app."""

    client: httpx.AsyncClient  # the pooled client (make_vendor_client)
    gate: asyncio.Semaphore  # at most gate_size calls in flight
    limiter: AsyncLimiter  # at most rate[0] call starts per rate[1] seconds


async def get_primitives(request: Request) -> Primitives:
    """Dependency: return `request.app.state.primitives`."""
    raise NotImplementedError


def create_app(
    settings: VendorClientSettings,
    *,
    gate_size: int,
    rate: tuple[float, float],
    transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    """An app whose lifespan builds ONE Primitives on `app.state.primitives` and closes its client at shutdown.

    - client: make_vendor_client(settings, transport=transport);
    - gate: asyncio.Semaphore(gate_size); the lifespan raises ValueError at startup, naming both numbers,
      when gate_size exceeds settings.max_connections (extra callers would only queue inside the pool);
    - limiter: AsyncLimiter(*rate).

    Route POST /complete: take the primitives through Depends(get_primitives), then the limiter, then the
    gate, then POST the request's JSON body to the vendor's /v1/complete; answer with the vendor's JSON.
    """
    raise NotImplementedError
