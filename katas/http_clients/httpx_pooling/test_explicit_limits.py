"""Tests for explicit_limits: every pool limit and every timeout phase set on purpose, and what they do."""

from __future__ import annotations

import asyncio
import math

import httpx
import pytest

from katakit.testkit import LoopbackServer, local_client_kwargs
from katas.http_clients.httpx_pooling.explicit_limits import make_limits, make_pool_client


async def test_defaults_for_twenty_sockets() -> None:
    got = make_limits(20)
    expected = httpx.Limits(max_connections=20, max_keepalive_connections=5, keepalive_expiry=5.0)
    assert got == expected, (
        f"make_limits(20) should be {expected!r}; got {got!r}. A quarter of the sockets stay open while "
        "idle, for 5 s. Note that httpx.Limits' max_connections and max_keepalive_connections default to None "
        "(unbounded; only keepalive_expiry has a default, 5 s): only AsyncClient's default limits are 100/20, "
        "so set every field yourself."
    )


@pytest.mark.parametrize(
    ("max_sockets", "idle_fraction", "idle"),
    [(1, 0.25, 1), (2, 0.25, 1), (4, 0.5, 2), (7, 0.3, 2), (7, 0.4, 2), (10, 1.0, 10), (100, 0.05, 5)],
)
async def test_every_field_is_set(max_sockets: int, idle_fraction: float, idle: int) -> None:
    limits = make_limits(max_sockets, idle_fraction=idle_fraction, idle_ttl=3.0)
    fields = (limits.max_connections, limits.max_keepalive_connections, limits.keepalive_expiry)
    assert None not in fields, (
        f"make_limits({max_sockets}, idle_fraction={idle_fraction}) left a field None (unbounded): {limits!r}"
    )
    assert fields == (max_sockets, idle, 3.0), (
        f"expected {max_sockets} connections, max(1, floor({max_sockets} * {idle_fraction})) = {idle} idle "
        f"and a 3.0 s expiry; got {limits!r}. Keep at least one idle connection, never more than the total."
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_sockets": 0},
        {"max_sockets": -3},
        {"max_sockets": 4, "idle_fraction": 0.0},
        {"max_sockets": 4, "idle_fraction": 1.5},
        {"max_sockets": 4, "idle_ttl": -1.0},
    ],
    ids=["zero sockets", "negative sockets", "zero idle fraction", "idle fraction above 1", "negative ttl"],
)
async def test_nonsense_is_rejected(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        got = make_limits(**kwargs)  # type: ignore[arg-type]
        pytest.fail(f"make_limits({kwargs}) should raise ValueError; it returned {got!r}")


async def test_every_phase_has_a_finite_budget() -> None:
    async with make_pool_client(
        "http://127.0.0.1:9", make_limits(4), pool_wait=1.5, **local_client_kwargs()
    ) as client:
        phases = client.timeout.as_dict()
    assert all(isinstance(v, int | float) and math.isfinite(v) for v in phases.values()), (
        f"every phase needs a finite budget, got {phases!r}: a phase without one waits forever"
    )
    assert phases["pool"] == 1.5, f"the pool phase should be pool_wait=1.5; got {phases!r}"
    assert phases["connect"] == phases["read"] == phases["write"] == 10.0, (
        f"connect, read and write should default to io_timeout=10.0; got {phases!r}"
    )
    async with make_pool_client(
        "http://127.0.0.1:9", make_limits(4), pool_wait=0.5, io_timeout=2.5, **local_client_kwargs()
    ) as client:
        phases = client.timeout.as_dict()
    expected = {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 0.5}
    assert phases == expected, (
        f"make_pool_client(..., pool_wait=0.5, io_timeout=2.5) should budget {expected!r}; got {phases!r}. "
        "io_timeout is the budget of each I/O phase (httpx.Timeout(io_timeout, pool=pool_wait)); a "
        "hard-coded number ignores the caller's choice."
    )


@pytest.mark.looptime
async def test_only_a_fraction_stays_idle_after_a_burst() -> None:
    async with LoopbackServer(held=True) as server:
        limits = make_limits(4, idle_fraction=0.5)
        async with make_pool_client(server.origin, limits, pool_wait=30, **local_client_kwargs()) as client:
            burst = asyncio.gather(*(client.get(f"/burst/{i}") for i in range(4)))
            try:
                await server.wait_for(lambda s: s.in_flight == 4, within=10, what="a burst of 4 in flight")
            finally:
                server.release()
                await burst
            await server.wait_for(
                lambda s: s.closed == 2,
                within=1,
                what="the client closing 2 of the 4 connections once idle (idle_fraction=0.5 keeps 2)",
            )
            (await client.get("/after")).raise_for_status()
            assert server.opened == 4, (
                f"the request after the burst should reuse one of the 2 idle connections; {server.describe()}"
            )


@pytest.mark.looptime
@pytest.mark.parametrize(("idle_ttl", "connections"), [(5.0, 1), (0.0, 3)], ids=["ttl 5 s", "ttl 0 s"])
async def test_idle_ttl_is_the_keepalive_expiry(idle_ttl: float, connections: int) -> None:
    async with LoopbackServer() as server:
        limits = make_limits(2, idle_ttl=idle_ttl)
        async with make_pool_client(server.origin, limits, pool_wait=5, **local_client_kwargs()) as client:
            for i in range(3):
                (await client.get(f"/seq/{i}")).raise_for_status()
    assert server.opened == connections, (
        f"3 back-to-back requests with idle_ttl={idle_ttl} should use {connections} connection(s); they used "
        f"{server.opened}. idle_ttl is the pool's keepalive_expiry: an idle connection older than that is "
        "closed instead of reused (httpx checks it against time.monotonic() when it next needs a connection)."
    )
