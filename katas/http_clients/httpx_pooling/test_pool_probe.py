"""Tests for pool_probe: pool waits measured with the injected clock, over HTTP/1.1 and HTTP/2."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from katakit.testkit import H2PriorKnowledgeServer, LoopbackServer, local_client_kwargs
from katas.http_clients.httpx_pooling.pool_probe import PoolProbe, PoolStats

pytestmark = pytest.mark.looptime


def _client(max_connections: int, **kwargs: object) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
    return httpx.AsyncClient(limits=limits, timeout=httpx.Timeout(30.0), **local_client_kwargs(), **kwargs)  # type: ignore[arg-type]


async def test_queued_requests_wait_for_the_only_connection() -> None:
    probe = PoolProbe(asyncio.get_running_loop().time)
    async with LoopbackServer(defaults="delay=1") as server, _client(1) as client:
        probe.install(client)
        await asyncio.gather(*(client.get(server.url(f"/q/{i}")) for i in range(3)))
    stats = probe.snapshot()
    assert isinstance(stats, PoolStats), f"snapshot() should return a PoolStats; got {stats!r}"
    assert (stats.requests, stats.connections_opened) == (3, 1), (
        f"3 requests over a 1-connection pool: expected requests=3, connections_opened=1; got {stats!r}"
    )
    waits = sorted(stats.pool_waits)
    assert waits == pytest.approx([0.0, 1.0, 2.0], abs=1e-3), (
        f"each request takes 1 s on the only connection, so the three pool waits are 0, 1 and 2 s; got "
        f"{stats.pool_waits!r}. Waits near 0 mean you read the real clock instead of the injected one; "
        "1, 2, 3 means you stopped the timer at the response (that is latency, not pool wait): stop it at "
        "the first '*.send_request_headers.started' trace event."
    )


async def test_snapshot_lists_only_finished_waits() -> None:
    probe = PoolProbe(asyncio.get_running_loop().time)
    async with LoopbackServer(held=True) as server, _client(1) as client:
        probe.install(client)
        burst = asyncio.gather(*(client.get(server.url(f"/w/{i}")) for i in range(3)))
        try:
            await server.wait_for(lambda s: s.in_flight == 1, within=10, what="the first request in flight")
            await asyncio.sleep(2)  # the other two queue for the only connection meanwhile
            during = probe.snapshot()
        finally:
            server.release()
            await burst
    assert (during.requests, during.pool_waits) == (3, (0.0,)), (
        f"mid-burst, 3 requests were sent and only the first holds a connection: expected requests=3 and "
        f"pool_waits=(0.0,); got requests={during.requests}, pool_waits={during.pool_waits!r}. A request "
        "still queued has no pool wait yet (it is still waiting); counting it as 0 s hides a saturated pool."
    )


async def test_enough_connections_means_no_wait() -> None:
    probe = PoolProbe(asyncio.get_running_loop().time)
    async with LoopbackServer(defaults="delay=1") as server, _client(3) as client:
        probe.install(client)
        await asyncio.gather(*(client.get(server.url(f"/p/{i}")) for i in range(3)))
    stats = probe.snapshot()
    assert stats.connections_opened == 3 == server.opened, (
        f"3 concurrent requests with 3 connections allowed open 3 connections (the server saw "
        f"{server.opened}); got {stats!r}"
    )
    assert stats.pool_waits == pytest.approx((0.0, 0.0, 0.0), abs=1e-3), (
        f"nobody had to wait for a connection; got waits {stats.pool_waits!r}"
    )


async def test_sequential_requests_reuse_without_waiting() -> None:
    probe = PoolProbe(asyncio.get_running_loop().time)
    async with LoopbackServer(defaults="delay=1") as server, _client(1) as client:
        probe.install(client)
        for i in range(3):
            await client.get(server.url(f"/s/{i}"))
    stats = probe.snapshot()
    assert (stats.requests, stats.connections_opened) == (3, 1), (
        f"expected 3 requests, 1 connection; got {stats!r}"
    )
    assert stats.pool_waits == pytest.approx((0.0, 0.0, 0.0), abs=1e-3), (
        f"one request at a time never waits for the pool; got {stats.pool_waits!r}"
    )


async def test_http2_streams_share_one_connection_without_waiting() -> None:
    probe = PoolProbe(asyncio.get_running_loop().time)
    async with H2PriorKnowledgeServer() as server, _client(1, http1=False, http2=True) as client:
        probe.install(client)
        server.hold()
        burst = asyncio.gather(*(client.get(server.url(f"/h2/{i}")) for i in range(5)))
        try:
            await server.wait_for(lambda s: s.in_flight == 5, within=10, what="5 HTTP/2 streams in flight")
        finally:
            server.release()
            await burst
    stats = probe.snapshot()
    assert (stats.requests, stats.connections_opened) == (5, 1), (
        f"5 HTTP/2 requests multiplexed on 1 connection; got {stats!r}"
    )
    assert stats.pool_waits == pytest.approx((0.0,) * 5, abs=1e-3), (
        f"over HTTP/2 all 5 streams share the one connection at once, so 5 waits of 0 s; got "
        f"{stats.pool_waits!r}. HTTP/2 trace events are named 'http2.send_request_headers.started': match "
        "the suffix, not 'http11.'."
    )


async def test_install_keeps_existing_hooks() -> None:
    async def add_tenant(request: httpx.Request) -> None:
        request.headers["X-Tenant"] = "t1"

    probe = PoolProbe(asyncio.get_running_loop().time)
    async with LoopbackServer() as server, _client(1, event_hooks={"request": [add_tenant]}) as client:
        probe.install(client)
        await client.get(server.url("/x"))
    assert [r.headers.get("x-tenant") for r in server.log] == ["t1"], (
        "the client's own request hook stopped firing after install(): append to "
        "client.event_hooks['request'] instead of replacing the hooks."
    )
    assert probe.snapshot().requests == 1, f"1 request was sent; got {probe.snapshot()!r}"
