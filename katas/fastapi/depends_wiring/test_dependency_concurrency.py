"""Tests for dependency_concurrency: one Depends(max_concurrency=2) object shared by two routes.

Eight requests arrive at once, split across /summarize and /translate; each holds its slot for 1 s of
loop time (looptime makes that instant in real time).
"""

from __future__ import annotations

import asyncio
import inspect

import httpx
import pytest

from katakit.testkit import InFlightGauge, virtual_guard
from katas.fastapi.depends_wiring.dependency_concurrency import build_app, vendor_slot

pytestmark = pytest.mark.looptime


async def burst(gauge: InFlightGauge, n: int = 8) -> list[tuple[int, float]]:
    """Send n requests at t=0, alternating routes; return (status, finish time) for each."""
    app = build_app(gauge, work_s=1.0)
    transport = httpx.ASGITransport(app=app)
    async with (
        virtual_guard(600),
        httpx.AsyncClient(transport=transport, base_url="http://app.test") as client,
    ):
        loop = asyncio.get_running_loop()

        async def one(i: int) -> tuple[int, float]:
            response = await client.post("/summarize" if i % 2 else "/translate")
            return response.status_code, loop.time()

        return await asyncio.gather(*(one(i) for i in range(n)))


async def test_two_slots_shared_by_both_routes() -> None:
    gauge = InFlightGauge()
    results = await burst(gauge)
    assert [status for status, _ in results] == [200] * 8, f"every request should succeed; got {results}"
    assert (gauge.entered, gauge.peak) == (8, 2), (
        f"8 requests over two routes: vendor_slot ran {gauge.entered} times with a peak of {gauge.peak} "
        "in flight; expected 8 and 2. A peak of 4 means each route had its own limit: every Depends(...) "
        "object owns its own limit, so declare ONE alias (VendorSlot) with max_concurrency=2 and reuse it. "
        "A peak of 8 means nothing limited them at all."
    )
    assert gauge.current == 0, f"{gauge.current} slot(s) still held after every request finished"


async def test_the_batch_takes_four_rounds() -> None:
    await burst(InFlightGauge())
    took = asyncio.get_running_loop().time()
    assert took == pytest.approx(4.0, abs=1e-3), (
        f"8 requests of 1 s each through 2 shared slots finished at t={took:.3f}; expected t=4.0 (four "
        "rounds of two). Earlier means more than two ran at once."
    )


async def test_requests_finish_in_pairs() -> None:
    gauge = InFlightGauge()
    results = await burst(gauge)
    finished = sorted(round(at, 3) for _, at in results)
    assert finished == [1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0], (
        f"finish times {finished}; expected two per second, [1, 1, 2, 2, 3, 3, 4, 4]: a yield dependency "
        "holds its slot until its teardown, and the next waiter starts as soon as one is released."
    )
    released = sorted(round(at, 3) for at in gauge.finish_times)
    assert released == finished, (
        f"the gauge saw slots released at {released}; expected each at its request's finish {finished}: "
        "call gauge.exit() in the teardown (after yield, in finally)."
    )


class VendorFailed(Exception):
    """What the endpoint raises when the vendor call fails."""


async def test_a_failed_request_gives_its_slot_back() -> None:
    if not inspect.isasyncgenfunction(vendor_slot):
        pytest.fail(
            "vendor_slot is not an async generator: it should be a yield dependency (enter, yield 'slot', exit "
            "in finally), so that it holds the slot for the whole request.",
            pytrace=False,
        )
    gauge = InFlightGauge()
    slot = vendor_slot(gauge)  # driven by hand, as FastAPI drives a yield dependency
    assert await anext(slot) == "slot", "vendor_slot should yield 'slot'"
    assert gauge.current == 1, (
        f"vendor_slot should call gauge.enter() before yielding; current={gauge.current}"
    )
    try:
        await slot.athrow(
            VendorFailed("the vendor answered 500")
        )  # what FastAPI does when the endpoint raises
    except VendorFailed:
        pass
    except StopAsyncIteration:
        pass  # a dependency that swallowed the error; the slot is what is checked here
    assert gauge.current == 0, (
        f"the endpoint raised while holding the slot and {gauge.current} slot(s) are still counted as held; "
        "expected 0. FastAPI throws the endpoint's exception into the dependency at `yield`: call "
        "gauge.exit() in a `finally:` around the yield, or every failed request leaks a slot."
    )
