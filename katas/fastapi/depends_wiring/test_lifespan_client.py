"""Tests for lifespan_client: one client for the app's whole life, closed at shutdown, replaceable in tests."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from katakit.testkit import LoopbackServer, ScriptedVendor, virtual_guard
from katas.fastapi.depends_wiring.lifespan_client import LifespanNotStarted, create_app, get_http_client

QUOTE = httpx.Response(200, json={"price": 101.5})


class CountingFactory:
    """A client_factory that counts its calls and keeps every client it built."""

    def __init__(self, make: callable) -> None:  # type: ignore[valid-type]
        self.make = make
        self.built: list[httpx.AsyncClient] = []

    @property
    def calls(self) -> int:
        return len(self.built)

    def __call__(self) -> httpx.AsyncClient:
        client = self.make()
        self.built.append(client)
        return client


def asgi_client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://app.test")


def test_one_client_serves_every_request() -> None:
    vendor = ScriptedVendor([QUOTE])
    factory = CountingFactory(vendor.client)
    with TestClient(create_app(factory)) as client:
        answers = [client.get("/quote/ABC") for _ in range(5)]
    got = [(r.status_code, r.json()) for r in answers]
    assert got == [(200, {"symbol": "ABC", "price": 101.5})] * 5, f"five quotes expected; got {got}"
    assert factory.calls == 1, (
        f"client_factory was called {factory.calls} times for 5 requests; expected once. Build the client "
        "once in the lifespan and share it: a client per request opens a new connection pool (TCP and TLS "
        "handshakes included) for every call."
    )
    assert vendor.calls == 5, f"the vendor should see the 5 quote calls; it saw {vendor.calls}"
    paths = sorted({request.url.path for request in vendor.requests})
    assert paths == ["/quotes/ABC"], (
        f"GET /quote/ABC called the vendor at {paths}; expected ['/quotes/ABC']: the vendor's own path "
        "(GET /quotes/{symbol}, relative to the client's base_url), not our route's path."
    )


def test_the_client_is_closed_at_shutdown() -> None:
    factory = CountingFactory(ScriptedVendor([QUOTE]).client)
    with TestClient(create_app(factory)) as client:
        client.get("/quote/ABC")
    assert factory.calls == 1, (
        f"client_factory should run once, in the lifespan; it ran {factory.calls} times"
    )
    assert factory.built[0].is_closed, (
        "After shutdown the shared client is still open: close it when the lifespan ends (`async with "
        "client_factory() as client:` around the yield, or `await client.aclose()` after it). An unclosed "
        "client leaks its pooled connections."
    )


def test_no_lifespan_no_client() -> None:
    factory = CountingFactory(ScriptedVendor([QUOTE]).client)
    client = TestClient(create_app(factory))  # not entered: the lifespan never runs
    with pytest.raises(LifespanNotStarted, match="lifespan"):
        client.get("/quote/ABC")
    assert factory.calls == 0, (
        f"client_factory ran {factory.calls} time(s) although the lifespan never started: build the client in "
        "the lifespan only, never at app creation or lazily inside the dependency (nobody would close it)."
    )


async def test_the_route_uses_the_dependency_seam() -> None:
    app_vendor, test_vendor = (
        ScriptedVendor([QUOTE]),
        ScriptedVendor([httpx.Response(200, json={"price": 7})]),
    )
    app = create_app(app_vendor.client)
    async with app.router.lifespan_context(app), test_vendor.client() as replacement:
        app.dependency_overrides[get_http_client] = lambda: replacement
        try:
            async with asgi_client(app) as client:
                response = await client.get("/quote/XYZ")
        finally:
            del app.dependency_overrides[get_http_client]
    assert (response.status_code, response.json()) == (200, {"symbol": "XYZ", "price": 7}), (
        f"With get_http_client overridden, /quote/XYZ answered {response.status_code} {response.text}; "
        f"expected the replacement's price 7. The app's own client was used {app_vendor.calls} time(s): your "
        "override had no effect. Fetch the client through Depends(get_http_client), never from "
        "request.app.state directly, so tests have one seam to replace."
    )


async def test_vendor_failures_become_502() -> None:
    app = create_app(ScriptedVendor([503, httpx.Response(200, json={"quote": "?"})]).client)
    async with app.router.lifespan_context(app), asgi_client(app) as client:
        statuses = [(await client.get("/quote/ABC")).status_code for _ in range(2)]
    assert statuses == [502, 502], (
        f"A vendor 503 and a vendor answer without a price gave {statuses}; expected [502, 502]: the upstream "
        "failed, not us (bad gateway)."
    )


@pytest.mark.looptime
async def test_concurrent_requests_share_the_client() -> None:
    vendor = ScriptedVendor([(QUOTE, 1.0)])  # each vendor answer takes 1 s of loop time
    factory = CountingFactory(vendor.client)
    app = create_app(factory)
    async with virtual_guard(60), app.router.lifespan_context(app), asgi_client(app) as client:
        loop = asyncio.get_running_loop()
        start = loop.time()
        answers = await asyncio.gather(*(client.get(f"/quote/S{i}") for i in range(10)))
        took = loop.time() - start
    assert [r.status_code for r in answers] == [200] * 10, f"got {[r.text for r in answers]}"
    assert (factory.calls, vendor.calls) == (1, 10), (
        f"10 concurrent requests: {factory.calls} client(s) built, {vendor.calls} vendor calls; expected 1 and "
        "10. Store the client on app.state: requests sent through ASGITransport never see the lifespan's "
        "state dict."
    )
    assert took == pytest.approx(1.0, abs=1e-3), (
        f"10 concurrent requests with 1 s vendor latency took {took:.3f} s (loop time); expected 1.0: the "
        "shared async client must serve them concurrently."
    )


@pytest.mark.looptime
async def test_the_shared_client_reuses_its_connection() -> None:
    async with LoopbackServer() as server:
        app = create_app(lambda: httpx.AsyncClient(base_url=server.origin))
        async with virtual_guard(60), app.router.lifespan_context(app), asgi_client(app) as client:
            for i in range(5):
                await client.get(f"/quote/S{i}")
        assert (server.requests, server.opened) == (5, 1), (
            f"A real server saw {server.requests} requests over {server.opened} TCP connection(s); expected 5 "
            "over 1. One shared client keeps its connection alive between requests; a client per request "
            "connects (and, over TLS, handshakes) every time."
        )
