"""Reference solution: primitives."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any

import httpx
from aiolimiter import AsyncLimiter
from fastapi import Body, Depends, FastAPI, Request

from katas.safe_calls.outbound_budget.client_limits import VendorClientSettings, make_vendor_client


@dataclass
class Primitives:
    client: httpx.AsyncClient
    gate: asyncio.Semaphore
    limiter: AsyncLimiter


async def get_primitives(request: Request) -> Primitives:
    return request.app.state.primitives


def create_app(
    settings: VendorClientSettings,
    *,
    gate_size: int,
    rate: tuple[float, float],
    transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if gate_size > settings.max_connections:
            raise ValueError(
                f"gate_size {gate_size} exceeds the pool's max_connections {settings.max_connections}: "
                "the extra callers would only queue inside the pool"
            )
        # Built here, inside the running loop: asyncio primitives belong to one event loop.
        async with make_vendor_client(settings, transport=transport) as client:
            app.state.primitives = Primitives(client, asyncio.Semaphore(gate_size), AsyncLimiter(*rate))
            yield

    app = FastAPI(lifespan=lifespan)

    @app.post("/complete")
    async def complete(
        payload: Annotated[dict[str, Any], Body()], p: Annotated[Primitives, Depends(get_primitives)]
    ) -> Any:
        async with p.limiter, p.gate:
            response = await p.client.post("/v1/complete", json=payload)
        return response.json()

    return app
