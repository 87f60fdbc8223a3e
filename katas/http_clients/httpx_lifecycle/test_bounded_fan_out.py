"""Tests for bounded_fan_out: the pool caps sockets in flight and idle, and the fan-out keeps order."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from katakit.testkit import LoopbackServer, local_client_kwargs, refused_port
from katas.http_clients.httpx_lifecycle.bounded_fan_out import build_client, fan_out

pytestmark = pytest.mark.looptime


@pytest.mark.parametrize("retries", [0, 2], ids=["no connect retries", "connect_retries=2"])
async def test_pool_caps_requests_in_flight(retries: int) -> None:
    async with LoopbackServer(held=True) as server:
        client = build_client(
            server.origin,
            max_sockets=4,
            idle_sockets=4,
            pool_wait=60,
            connect_retries=retries,
            **local_client_kwargs(),
        )
        async with client:
            task = asyncio.ensure_future(fan_out(client, [f"/item/{i}" for i in range(8)]))
            try:
                await server.wait_for(
                    lambda s: s.in_flight >= 4,
                    within=10,
                    what="4 requests in flight at once (did the requests run one at a time?)",
                )
                server.release()
                statuses = await task
            finally:
                task.cancel()
    assert statuses == [200] * 8, f"expected 8 x 200; got {statuses!r}"
    assert server.max_in_flight == 4 and server.opened == 4, (
        f"with max_sockets=4 at most 4 requests may be in flight over 4 connections; the server saw "
        f"{server.max_in_flight} in flight over {server.opened} connections. If it is 8: `limits=` was "
        "ignored. A client given `transport=` uses that transport's pool and silently drops its own "
        "`limits=`; give the Limits (and the retries) to the AsyncHTTPTransport."
    )


async def test_results_follow_input_order() -> None:
    loop = asyncio.get_running_loop()
    paths = [f"/job/{i}?status={201 + i}&delay={8 - i}" for i in range(8)]
    async with LoopbackServer() as server:
        client = build_client(
            server.origin, max_sockets=8, idle_sockets=2, pool_wait=5, **local_client_kwargs()
        )
        async with client:
            start = loop.time()
            statuses = await fan_out(client, paths)
            elapsed = loop.time() - start
    assert statuses == list(range(201, 209)), (
        f"request i answers 201+i after 8-i seconds, so the last path answers first; the result must still "
        f"follow the input order [201, ..., 208]; got {statuses!r}. asyncio.as_completed yields in "
        "completion order; asyncio.gather keeps input order."
    )
    assert elapsed == pytest.approx(8.0, abs=1e-3), (
        f"8 concurrent requests whose slowest takes 8 s should finish after 8 s; took {elapsed:g} s "
        "(36 s means one at a time)."
    )


async def test_pool_timeout_propagates_and_cancels_the_rest() -> None:
    loop = asyncio.get_running_loop()
    async with LoopbackServer(held=True) as server:
        client = build_client(
            server.origin, max_sockets=1, idle_sockets=1, pool_wait=2, **local_client_kwargs()
        )
        async with client:
            start = loop.time()
            with pytest.raises(httpx.PoolTimeout):
                await fan_out(client, ["/holds-the-only-socket", "/waits-for-it"])
            elapsed = loop.time() - start
            assert elapsed == pytest.approx(2.0, abs=1e-3), (
                f"with the only socket busy, the second request should give up after pool_wait=2 s with "
                f"PoolTimeout; it did after {elapsed:g} s"
            )
            await server.wait_for(
                lambda s: s.abandoned == 1,
                within=5,
                what="the request still holding the socket being cancelled after its sibling failed",
            )


async def test_idle_sockets_are_trimmed_after_a_burst() -> None:
    async with LoopbackServer(held=True) as server:
        client = build_client(
            server.origin, max_sockets=4, idle_sockets=1, pool_wait=60, **local_client_kwargs()
        )
        async with client:
            task = asyncio.ensure_future(fan_out(client, ["/a", "/b", "/c", "/d"]))
            try:
                await server.wait_for(lambda s: s.in_flight == 4, within=10, what="a burst of 4 in flight")
                server.release()
                await task
            finally:
                task.cancel()
            await server.wait_for(
                lambda s: s.closed == 3,
                within=1,
                what="the client closing the 3 idle connections above idle_sockets=1 after the burst",
            )
            (await client.get("/after")).raise_for_status()
    assert server.opened == 4 and server.log[-1].conn_id <= 4, (
        f"the request after the burst should reuse the one idle connection kept; {server.describe()}"
    )


async def test_io_timeout_bounds_a_slow_answer() -> None:
    loop = asyncio.get_running_loop()
    async with LoopbackServer() as server:
        client = build_client(
            server.origin,
            max_sockets=2,
            idle_sockets=2,
            pool_wait=60,
            io_timeout=1.5,
            **local_client_kwargs(),
        )
        async with client:
            start = loop.time()
            with pytest.raises(httpx.ReadTimeout):
                status = await fan_out(client, ["/slow?delay=10"])
                pytest.fail(f"a 10 s answer came back ({status!r}) although io_timeout=1.5 s")
            elapsed = loop.time() - start
    assert elapsed == pytest.approx(1.5, abs=1e-3), (
        f"the server takes 10 s to answer and io_timeout=1.5, so ReadTimeout should come after 1.5 s; it "
        f"came after {elapsed:g} s. io_timeout is the connect/read/write timeout "
        "(httpx.Timeout(io_timeout, pool=pool_wait)); pool_wait only bounds the wait for a connection."
    )


async def test_connect_retries_reach_the_transport() -> None:
    attempts: list[str] = []

    async def trace(event_name: str, info: dict[str, object]) -> None:
        if event_name == "connection.connect_tcp.started":
            attempts.append(event_name)

    async def count_attempts(request: httpx.Request) -> None:
        request.extensions["trace"] = trace

    with refused_port() as port:
        client = build_client(
            f"http://127.0.0.1:{port}",
            max_sockets=2,
            idle_sockets=2,
            pool_wait=60,
            connect_retries=2,
            event_hooks={"request": [count_attempts]},
            **local_client_kwargs(),
        )
        async with client:
            with pytest.raises(httpx.ConnectError):
                await client.get("/")
    assert len(attempts) == 3, (
        f"connecting to a refused port with connect_retries=2 should try 3 times (1 + 2 retries); it tried "
        f"{len(attempts)} time(s). Connect retries are a transport setting: "
        "httpx.AsyncHTTPTransport(retries=connect_retries, limits=..., verify=...)."
    )
