"""Tests for client_limits: the pool is the physical ceiling on requests in flight, if the limits really apply.

The real-socket tests talk to a LoopbackServer on 127.0.0.1 under looptime, so a 1 s answer costs no real time.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from katakit.testkit import LoopbackServer, virtual_guard
from katas.safe_calls.outbound_budget.client_limits import (
    VendorClientSettings,
    build_limits,
    build_timeout,
    make_vendor_client,
)


def test_limits_come_from_the_settings() -> None:
    limits = build_limits(VendorClientSettings("http://vendor.test", max_connections=7, max_keepalive=3))
    got = (limits.max_connections, limits.max_keepalive_connections)
    assert got == (7, 3), (
        f"build_limits gave (max_connections, max_keepalive_connections) = {got}; expected (7, 3). "
        "httpx.Limits' two caps default to None (unbounded) when you do not set them, not to the client's "
        "usual 100/20 (only keepalive_expiry has a default, 5 s)."
    )


async def test_every_timeout_phase_is_explicit() -> None:
    s = VendorClientSettings("http://vendor.test", connect_s=2.0, read_s=45.0, write_s=8.0, pool_s=3.0)
    expected = httpx.Timeout(connect=2.0, read=45.0, write=8.0, pool=3.0)
    assert build_timeout(s) == expected, f"build_timeout gave {build_timeout(s)!r}; expected {expected!r}"
    async with make_vendor_client(s) as client:
        assert client.timeout == expected, (
            f"the client's timeout is {client.timeout!r}; expected {expected!r}. A scalar Timeout(30) sets "
            "every phase alike, but connect should fail fast while a read may legitimately take longer."
        )


async def test_a_given_transport_is_used() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={"ok": True})

    s = VendorClientSettings("https://vendor.test/v1/")
    async with make_vendor_client(s, transport=httpx.MockTransport(handler)) as client:
        response = await client.get("models")
    assert (response.status_code, seen) == (200, ["https://vendor.test/v1/models"]), (
        f"a request for 'models' through the given transport reached {seen} with status "
        f"{response.status_code}; expected one request to https://vendor.test/v1/models (base_url applied)."
    )


@pytest.mark.looptime
async def test_max_connections_caps_requests_in_flight() -> None:
    async with LoopbackServer(defaults="delay=1") as server:
        s = VendorClientSettings(server.origin, max_connections=2, max_keepalive=2)
        async with virtual_guard(60), make_vendor_client(s) as client:
            responses = await asyncio.gather(*(client.get(f"/item/{i}") for i in range(6)))
            took = asyncio.get_running_loop().time()
        assert [r.status_code for r in responses] == [200] * 6
        assert server.peak_open == 2, (
            f"6 concurrent requests with max_connections=2 opened up to {server.peak_open} sockets at once; "
            "expected 2. If you pass transport=..., httpx ignores the client's limits= argument: give the "
            "limits to the transport you build (httpx.AsyncHTTPTransport(limits=...))."
        )
        assert took == pytest.approx(3.0, abs=1e-3), (
            f"6 requests of 1 s through 2 connections took until t={took:.3f}; expected t=3.0 (three rounds)."
        )


@pytest.mark.looptime
async def test_waiting_for_a_connection_times_out() -> None:
    async with LoopbackServer() as server:
        s = VendorClientSettings(server.origin, max_connections=1, max_keepalive=1, pool_s=5.0)
        async with virtual_guard(600), make_vendor_client(s) as client:
            holder = asyncio.create_task(client.get("/slow", params={"stall": "1"}))
            await server.wait_for(lambda srv: srv.in_flight == 1, what="the first request to arrive")
            loop = asyncio.get_running_loop()
            start = loop.time()
            try:
                with pytest.raises(httpx.PoolTimeout):
                    await client.get("/next")
                waited = loop.time() - start
            finally:
                holder.cancel()
                await asyncio.gather(holder, return_exceptions=True)
        assert waited == pytest.approx(5.0, abs=1e-3), (
            f"with the only connection busy, the second request gave up after {waited:.3f} s; expected the "
            "pool timeout, 5.0 s. Waiting for a pooled connection needs its own bound (pool=...)."
        )
