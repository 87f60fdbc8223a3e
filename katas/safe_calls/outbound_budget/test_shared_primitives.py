"""Tests for shared_primitives: one gate, one limiter and one client per running app, built in its lifespan."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fastapi import FastAPI

from katakit.testkit import ScriptedVendor, virtual_guard
from katas.safe_calls.outbound_budget.client_limits import VendorClientSettings
from katas.safe_calls.outbound_budget.shared_primitives import create_app

SETTINGS = VendorClientSettings("https://vendor.test", max_connections=10, max_keepalive=10)
OK = httpx.Response(200, json={"text": "done"})


async def send_burst(app: FastAPI, n: int) -> list[httpx.Response]:
    """Run the app's lifespan and POST /complete n times concurrently."""
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://a") as c,
    ):
        return await asyncio.gather(*(c.post("/complete", json={"prompt": f"p{i}"}) for i in range(n)))


@pytest.mark.looptime
async def test_one_gate_for_all_requests() -> None:
    vendor = ScriptedVendor([(OK, 1.0)])
    app = create_app(SETTINGS, gate_size=2, rate=(100, 1), transport=vendor.transport())
    async with virtual_guard(600):
        responses = await send_burst(app, 6)
    took = asyncio.get_running_loop().time()
    assert [r.json() for r in responses] == [{"text": "done"}] * 6, "every request should get the vendor JSON"
    assert vendor.peak_in_flight == 2, (
        f"6 concurrent requests with gate_size=2 reached the vendor {vendor.peak_in_flight} at a time; "
        "expected 2. A gate created per request (in the route or the dependency) admits everyone: create it "
        "once, in the lifespan, and share it."
    )
    assert took == pytest.approx(3.0, abs=1e-3), (
        f"6 calls of 1 s through 2 slots should end at t=3; got {took:.3f}"
    )


@pytest.mark.looptime
async def test_one_limiter_paces_all_requests() -> None:
    vendor = ScriptedVendor([OK])
    app = create_app(SETTINGS, gate_size=2, rate=(2, 1), transport=vendor.transport())
    async with virtual_guard(600):
        await send_burst(app, 6)
    starts = [round(t, 3) for t in sorted(vendor.start_times)]
    assert starts == [0.0, 0.0, 0.5, 1.0, 1.5, 2.0], (
        f"with AsyncLimiter(2, 1) the vendor saw calls start at {starts}; expected [0, 0, 0.5, 1, 1.5, 2]: a "
        "burst of 2 (the bucket starts full), then one every 0.5 s. If all started at 0, each request had "
        "its own limiter: build it once in the lifespan."
    )


def test_a_fresh_event_loop_gets_fresh_primitives() -> None:
    async def scenario() -> list[int]:
        vendor = ScriptedVendor([(OK, 0.001)])  # a millisecond of real time: enough to contend on the gate
        app = create_app(SETTINGS, gate_size=1, rate=(100, 1), transport=vendor.transport())
        return [r.status_code for r in await send_burst(app, 3)]

    for run in ("first", "second"):
        try:
            statuses = asyncio.run(scenario())
        except RuntimeError as exc:
            pytest.fail(
                f"The {run} asyncio.run() of the same app code failed: {exc}. asyncio primitives belong to the "
                "event loop that first waited on them; a module-level Semaphore breaks as soon as a second loop "
                "(another test, a worker restart, a second TestClient) contends on it. Create the gate and the "
                "limiter in the lifespan.",
                pytrace=False,
            )
        assert statuses == [200, 200, 200], f"{run} run: expected three 200s, got {statuses}"


async def test_gate_larger_than_pool_fails_at_startup() -> None:
    app = create_app(SETTINGS, gate_size=25, rate=(100, 1), transport=ScriptedVendor([OK]).transport())
    with pytest.raises(ValueError) as raised:
        async with app.router.lifespan_context(app):
            pass
    message = str(raised.value)
    assert "25" in message and "10" in message, (
        f"the startup error should name gate_size 25 and max_connections 10; it says {message!r}"
    )


async def test_the_client_is_closed_at_shutdown() -> None:
    app = create_app(SETTINGS, gate_size=2, rate=(100, 1), transport=ScriptedVendor([OK]).transport())
    async with app.router.lifespan_context(app):
        primitives = app.state.primitives
        assert not primitives.client.is_closed
    assert primitives.client.is_closed, "close the vendor client when the lifespan ends"


async def test_a_gate_as_large_as_the_pool_is_fine() -> None:
    app = create_app(SETTINGS, gate_size=10, rate=(100, 1), transport=ScriptedVendor([OK]).transport())
    reason = ""
    try:
        async with app.router.lifespan_context(app):
            started = True
    except ValueError as exc:
        started = False
        reason = str(exc)
    assert started, (
        f"gate_size 10 with max_connections 10 failed at startup: {reason!r}. Only a gate LARGER than the pool "
        "is a mistake (its extra callers would queue inside the pool); a gate exactly the pool's size gives "
        "every admitted call a connection at once."
    )
