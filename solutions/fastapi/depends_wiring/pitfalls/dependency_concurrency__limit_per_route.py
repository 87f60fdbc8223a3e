"""Pitfall: writing Depends(vendor_slot, max_concurrency=2) inline in each route.

Rejected by: test_two_slots_shared_by_both_routes, test_the_batch_takes_four_rounds, test_requests_finish_in_pairs
Why it is wrong: each Depends(...) object owns its own limit, even for the same function, so two routes
give the vendor 4 concurrent calls instead of 2 (and every new route adds two more).
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import Depends, FastAPI

from katakit.testkit import InFlightGauge
from solutions.fastapi.depends_wiring.dependency_concurrency import *  # the rest is the reference
from solutions.fastapi.depends_wiring.dependency_concurrency import vendor_slot


def build_app(gauge: InFlightGauge, work_s: float = 1.0) -> FastAPI:
    app = FastAPI()
    app.state.gauge = gauge

    @app.post("/summarize")
    async def summarize(slot: Annotated[str, Depends(vendor_slot, max_concurrency=2)]) -> dict[str, str]:
        await asyncio.sleep(work_s)
        return {"route": "summarize"}

    @app.post("/translate")
    async def translate(slot: Annotated[str, Depends(vendor_slot, max_concurrency=2)]) -> dict[str, str]:
        await asyncio.sleep(work_s)
        return {"route": "translate"}

    return app
