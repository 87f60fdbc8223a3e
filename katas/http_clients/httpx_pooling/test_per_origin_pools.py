"""Tests for per_origin_pools: each listed upstream has its own cap, so a busy one cannot starve the rest."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest

from katakit.testkit import LoopbackServer, local_client_kwargs
from katas.http_clients.httpx_pooling.per_origin_pools import build_partitioned_client

pytestmark = pytest.mark.looptime


@asynccontextmanager
async def _parked(client: httpx.AsyncClient, server: LoopbackServer, count: int) -> AsyncIterator[None]:
    """`count` requests to a held server, all parked there; released and awaited on exit."""
    pending = [asyncio.ensure_future(client.get(server.url(f"/parked/{i}"))) for i in range(count)]
    try:
        await server.wait_for(
            lambda s: s.in_flight == count, within=10, what=f"{count} requests parked on the upstream"
        )
        yield
    finally:
        server.release()
        await asyncio.gather(*pending, return_exceptions=True)


async def test_each_listed_origin_has_its_own_cap() -> None:
    async with LoopbackServer(held=True) as a, LoopbackServer() as b:
        client = build_partitioned_client(
            {a.origin: 2, b.origin: 2}, default_cap=3, pool_wait=60, **local_client_kwargs()
        )
        async with client:
            burst = asyncio.gather(*(client.get(a.url(f"/a/{i}")) for i in range(5)))
            try:
                await a.wait_for(lambda s: s.in_flight >= 2, within=10, what="2 requests in flight on A")
            finally:
                a.release()
                statuses = [r.status_code for r in await burst]
    assert statuses == [200] * 5, f"all 5 requests to A should succeed eventually; got {statuses!r}"
    assert a.max_in_flight == 2, (
        f"A's cap is 2, but A saw {a.max_in_flight} requests in flight at once. The caps are per origin, "
        "each in a pool of its own (a mounted transport with its own Limits); a shared pool sized to the "
        "sum, or the client's `limits=` (which mounted transports ignore: they keep their default of 100), "
        "does not cap A."
    )


async def test_a_busy_origin_does_not_starve_another() -> None:
    loop = asyncio.get_running_loop()
    async with LoopbackServer(held=True) as a, LoopbackServer() as b:
        client = build_partitioned_client(
            {a.origin: 2, b.origin: 2}, default_cap=3, pool_wait=5, **local_client_kwargs()
        )
        async with client, _parked(client, a, 2):
            start = loop.time()
            try:
                response = await client.get(b.url("/b"))
            except httpx.PoolTimeout:
                pytest.fail(
                    "B's request timed out waiting for a connection while only A was busy: A and B share a "
                    "pool. One slow upstream can take every connection of a shared pool; give each origin "
                    "its own (mount keys are 'scheme://host:port': without the port, A and B match the same "
                    "mount).",
                    pytrace=False,
                )
            waited = loop.time() - start
    assert response.status_code == 200 and waited == pytest.approx(0.0, abs=1e-3), (
        f"B should answer at once while A is saturated; got {response.status_code} after {waited:g} s"
    )


async def test_over_the_cap_a_request_times_out_in_the_pool() -> None:
    loop = asyncio.get_running_loop()
    async with LoopbackServer(held=True) as a, LoopbackServer() as b:
        client = build_partitioned_client(
            {a.origin: 2, b.origin: 2}, default_cap=3, pool_wait=1.5, **local_client_kwargs()
        )
        async with client, _parked(client, a, 2):
            start = loop.time()
            with pytest.raises(httpx.PoolTimeout):
                await client.get(a.url("/third"))
            waited = loop.time() - start
    assert waited == pytest.approx(1.5, abs=1e-3), (
        f"a third request to A (cap 2, both busy) should wait pool_wait=1.5 s and raise PoolTimeout; it "
        f"waited {waited:g} s"
    )


async def test_other_origins_share_the_default_pool() -> None:
    async with LoopbackServer() as a, LoopbackServer(held=True) as c:
        client = build_partitioned_client({a.origin: 2}, default_cap=3, pool_wait=60, **local_client_kwargs())
        async with client:
            burst = asyncio.gather(*(client.get(c.url(f"/c/{i}")) for i in range(6)))
            try:
                await c.wait_for(lambda s: s.in_flight >= 3, within=10, what="3 requests in flight on C")
            finally:
                c.release()
                await burst
    assert c.max_in_flight == 3, (
        f"C is not in caps, so it uses the default pool of default_cap=3 connections; C saw "
        f"{c.max_in_flight} in flight at once. Give the client a default transport with those limits."
    )


async def test_every_phase_gets_its_budget() -> None:
    async with build_partitioned_client(
        {"http://127.0.0.1:9": 2}, default_cap=3, pool_wait=0.5, io_timeout=2.5, **local_client_kwargs()
    ) as client:
        phases = client.timeout.as_dict()
    expected = {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 0.5}
    assert phases == expected, (
        f"build_partitioned_client(..., pool_wait=0.5, io_timeout=2.5) should budget {expected!r}; got "
        f"{phases!r}. Timeouts travel with the request, so the client's timeout covers every pool: "
        "httpx.Timeout(io_timeout, pool=pool_wait)."
    )
