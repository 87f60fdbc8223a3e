"""Pitfall: the shared alias without max_concurrency, trusting that "the vendor can take it".

Rejected by: test_two_slots_shared_by_both_routes, test_the_batch_takes_four_rounds
Why it is wrong: a burst of 8 requests becomes 8 concurrent vendor calls; the vendor (or our own pool)
answers with 429s and timeouts exactly when traffic is highest.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import Depends, FastAPI

from katakit.testkit import InFlightGauge
from solutions.fastapi.depends_wiring.dependency_concurrency import *  # the rest is the reference
from solutions.fastapi.depends_wiring.dependency_concurrency import vendor_slot

Unlimited = Annotated[str, Depends(vendor_slot)]


def build_app(gauge: InFlightGauge, work_s: float = 1.0) -> FastAPI:
    app = FastAPI()
    app.state.gauge = gauge

    @app.post("/summarize")
    async def summarize(slot: Unlimited) -> dict[str, str]:
        await asyncio.sleep(work_s)
        return {"route": "summarize"}

    @app.post("/translate")
    async def translate(slot: Unlimited) -> dict[str, str]:
        await asyncio.sleep(work_s)
        return {"route": "translate"}

    return app
