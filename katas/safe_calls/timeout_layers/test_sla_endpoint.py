"""Tests for sla_endpoint: only the SLA's own expiry is a 504; every other failure gets its honest status.

The vendor call is injected by overriding get_vendor_call; time is virtual (looptime).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from katakit.testkit import status_error, virtual_guard
from katas.safe_calls.timeout_layers.admission_gate import Overloaded
from katas.safe_calls.timeout_layers.sla_endpoint import VendorCall, create_app, get_vendor_call
from katas.safe_calls.timeout_layers.which_timeout import CallBudgetExceeded, TransportTimeout

pytestmark = pytest.mark.looptime


def now() -> float:
    return asyncio.get_running_loop().time()


@asynccontextmanager
async def app_client(
    call: VendorCall, sla_budget: float = 60.0, *, raise_app_exceptions: bool = True
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(sla_budget=sla_budget)

    async def provide() -> VendorCall:  # async and parameter-free: nothing for FastAPI to parse
        return call

    app.dependency_overrides[get_vendor_call] = provide
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=raise_app_exceptions)
    async with (
        virtual_guard(3600),
        httpx.AsyncClient(transport=transport, base_url="http://app.test") as client,
    ):
        yield client


def raising(exc: BaseException) -> Callable[[dict[str, Any]], Any]:
    async def call(payload: dict[str, Any]) -> dict[str, Any]:
        raise exc

    return call


async def test_a_hanging_vendor_is_a_504_at_the_sla() -> None:
    async def hangs(payload: dict[str, Any]) -> dict[str, Any]:
        await asyncio.sleep(1000)
        return {"too": "late"}

    async with app_client(hangs) as client:
        response = await client.post("/answer", json={"q": "?"})
    assert (response.status_code, response.json(), now()) == (
        504,
        {"error": "deadline"},
        pytest.approx(60.0),
    ), (
        f"a vendor call that hangs for 1000 s gave {response.status_code} {response.text} at t={now():.3f}; "
        "expected 504 {'error': 'deadline'} at t=60. The SLA budget must run on the event-loop clock "
        "(asyncio.timeout), not on time.time() checked after the call returns."
    )


async def test_an_inner_timeout_is_upstream_not_deadline() -> None:
    async def inner_budget(payload: dict[str, Any]) -> dict[str, Any]:
        async with asyncio.timeout(5):  # e.g. the call budget of a layer below
            await asyncio.sleep(1000)
        return {}

    async with app_client(inner_budget) as client:
        response = await client.post("/answer", json={"q": "?"})
    assert (response.status_code, response.json(), now()) == (
        502,
        {"error": "upstream"},
        pytest.approx(5.0),
    ), (
        f"an inner 5 s timeout fired and the endpoint answered {response.status_code} {response.text} at "
        f"t={now():.3f}; expected 502 {{'error': 'upstream'}} at t=5. Several layers raise the same builtin "
        "TimeoutError; only the SLA context's own expiry is a 504, so ask it: keep the object "
        "(`sla = asyncio.timeout(...)`) and check `sla.expired()`."
    )


async def test_overload_is_503_with_retry_after() -> None:
    async with app_client(raising(Overloaded("no slot within 5 s"))) as client:
        response = await client.post("/answer", json={"q": "?"})
    got = (response.status_code, response.headers.get("retry-after"), response.json())
    assert got == (503, "1", {"error": "overloaded"}), (
        f"Overloaded gave {got}; expected (503, '1', {{'error': 'overloaded'}}). Our own overload is neither a "
        "server bug (500) nor an upstream failure (502): 503 with Retry-After tells clients and load balancers "
        "to come back shortly or try another replica."
    )


@pytest.mark.parametrize(
    "exc",
    [CallBudgetExceeded(30.0), TransportTimeout("read"), status_error(500)],
    ids=["CallBudgetExceeded", "TransportTimeout", "HTTPStatusError"],
)
async def test_upstream_failures_are_502(exc: Exception) -> None:
    async with app_client(raising(exc)) as client:
        response = await client.post("/answer", json={"q": "?"})
    assert (response.status_code, response.json()) == (502, {"error": "upstream"}), (
        f"{type(exc).__name__} gave {response.status_code} {response.text}; expected 502 {{'error': 'upstream'}}: "
        "the vendor failed or was too slow for one attempt, which is a bad gateway, not our bug."
    )


async def test_our_own_bug_is_a_500() -> None:
    call = raising(KeyError("user_id"))  # a bug in our own code on the way to the vendor
    async with app_client(call, raise_app_exceptions=False) as client:
        response = await client.post("/answer", json={"q": "?"})
    assert response.status_code == 500, (
        f"a KeyError from our own code gave {response.status_code} {response.text}; expected 500. Only the "
        "listed upstream failures (CallBudgetExceeded, TransportTimeout, httpx.HTTPStatusError, an inner "
        "TimeoutError) are 502: catch exactly those, and let our own bugs surface as 500, or the dashboards "
        "blame the vendor for them."
    )


async def test_each_request_has_its_own_sla() -> None:
    async def hangs(payload: dict[str, Any]) -> dict[str, Any]:
        await asyncio.sleep(1000)
        return {}

    async with app_client(hangs) as client:
        loop = asyncio.get_running_loop()

        async def timed() -> tuple[int, float]:
            response = await client.post("/answer", json={"q": "?"})
            return response.status_code, loop.time()

        results = await asyncio.gather(timed(), timed())
    assert results == [(504, pytest.approx(60.0)), (504, pytest.approx(60.0))], (
        f"two concurrent hanging requests ended as {results}; expected both 504 at t=60: the SLA is per request "
        "and requests must not wait for each other."
    )


async def test_success_passes_through_unchanged() -> None:
    async def echo(payload: dict[str, Any]) -> dict[str, Any]:
        await asyncio.sleep(2)
        return {"answer": 42, "asked": payload}

    async with app_client(echo) as client:
        response = await client.post("/answer", json={"q": "life"})
    assert (response.status_code, response.json()) == (200, {"answer": 42, "asked": {"q": "life"}}), (
        f"a 2 s vendor call should come back as 200 with the vendor's JSON; got {response.status_code} {response.text}"
    )


async def test_the_sla_is_the_configured_budget() -> None:
    async def hangs(payload: dict[str, Any]) -> dict[str, Any]:
        await asyncio.sleep(1000)
        return {}

    async with app_client(hangs, sla_budget=10) as client:
        response = await client.post("/answer", json={"q": "?"})
    assert (response.status_code, now()) == (504, pytest.approx(10.0)), (
        f"create_app(sla_budget=10) with a hanging vendor answered {response.status_code} at t={now():.3f}; "
        "expected 504 at t=10: the SLA is the budget the app was created with, not a fixed 60 s."
    )


async def test_the_dependency_reads_app_state() -> None:
    async def echo(payload: dict[str, Any]) -> dict[str, Any]:
        return {"via": "app.state", "asked": payload}

    app = create_app()
    app.state.vendor_call = echo  # what the lifespan does in production; no dependency override here
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)  # an error becomes a 500 to show
    async with httpx.AsyncClient(transport=transport, base_url="http://app.test") as client:
        response = await client.post("/answer", json={"q": "?"})
    body = response.json() if response.status_code == 200 else response.text
    assert (response.status_code, body) == (200, {"via": "app.state", "asked": {"q": "?"}}), (
        f"with app.state.vendor_call set and no override, POST /answer gave {response.status_code} "
        f"{response.text}; expected 200 with the call's JSON. get_vendor_call returns "
        "request.app.state.vendor_call: the object the lifespan built, shared by every request."
    )
