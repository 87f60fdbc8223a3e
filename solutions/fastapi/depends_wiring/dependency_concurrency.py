"""Reference solution: dependency_concurrency."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated, TypeAlias

from fastapi import Depends, FastAPI, Request

from katakit.testkit import InFlightGauge


async def get_gauge(request: Request) -> InFlightGauge:
    return request.app.state.gauge


async def vendor_slot(gauge: Annotated[InFlightGauge, Depends(get_gauge)]) -> AsyncIterator[str]:
    gauge.enter()
    try:
        yield "slot"
    finally:
        gauge.exit()


# One Depends object, so one limit shared by every route that uses the alias.
VendorSlot: TypeAlias = Annotated[str, Depends(vendor_slot, max_concurrency=2)]


def build_app(gauge: InFlightGauge, work_s: float = 1.0) -> FastAPI:
    app = FastAPI()
    app.state.gauge = gauge

    @app.post("/summarize")
    async def summarize(slot: VendorSlot) -> dict[str, str]:
        await asyncio.sleep(work_s)
        return {"route": "summarize"}

    @app.post("/translate")
    async def translate(slot: VendorSlot) -> dict[str, str]:
        await asyncio.sleep(work_s)
        return {"route": "translate"}

    return app
