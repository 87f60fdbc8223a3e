"""Exercise 5 of depends_wiring: cap how many requests hold a scarce resource at once, with Depends alone.

Brief: katas/fastapi/depends_wiring/README.md. Run: `kata run dependency_concurrency`.
Needs FastAPI >= 0.165, whose `Depends()` accepts `max_concurrency=`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, TypeAlias

from fastapi import Depends, FastAPI, Request

from katakit.testkit import InFlightGauge


async def get_gauge(request: Request) -> InFlightGauge:
    """Return the gauge build_app stored on `app.state.gauge`."""
    raise NotImplementedError


async def vendor_slot(gauge: Annotated[InFlightGauge, Depends(get_gauge)]) -> AsyncIterator[str]:
    """Hold one vendor slot for the whole request: `gauge.enter()` before yielding "slot", and
    `gauge.exit()` after the request, even when it failed."""
    raise NotImplementedError


# The one shared declaration every route uses. It does not limit anything yet: that is your job.
VendorSlot: TypeAlias = Annotated[str, Depends(vendor_slot)]


def build_app(gauge: InFlightGauge, work_s: float = 1.0) -> FastAPI:
    """An app with `gauge` on app.state and two routes, POST /summarize and POST /translate.

    Each takes a VendorSlot, sleeps `work_s` seconds (asyncio.sleep: the vendor call it stands for) and
    answers {"route": "summarize"} or {"route": "translate"}. At most 2 requests may hold a slot at
    once, across BOTH routes together.
    """
    raise NotImplementedError
