"""Pitfall: gauge.exit() runs after the yield, but not in a `finally`.

Rejected by: test_a_failed_request_gives_its_slot_back
Why it is wrong: when the endpoint raises, FastAPI throws the exception into the dependency at `yield`;
without `finally` the teardown is skipped, so every failed vendor call leaves a slot counted as held.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends

from solutions.fastapi.depends_wiring.dependency_concurrency import *  # the rest is the reference
from solutions.fastapi.depends_wiring.dependency_concurrency import InFlightGauge, get_gauge


async def vendor_slot(gauge: Annotated[InFlightGauge, Depends(get_gauge)]) -> AsyncIterator[str]:
    gauge.enter()
    yield "slot"
    gauge.exit()
