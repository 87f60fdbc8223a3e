"""Tests for pool_pressure: shedding on pool exhaustion only, waiting when a connection frees, no leaks."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from katakit.testkit import LoopbackServer, TrackingStream, local_client_kwargs
from katas.http_clients.httpx_pooling.pool_pressure import PoolExhausted, get_or_shed, status_and_first_line


def _one_socket_client(server: LoopbackServer, *, pool: float, read: float = 60.0) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=server.origin,
        limits=httpx.Limits(max_connections=1, max_keepalive_connections=1, keepalive_expiry=5.0),
        timeout=httpx.Timeout(60.0, read=read, pool=pool),
        **local_client_kwargs(),
    )


@pytest.mark.looptime
async def test_exhausted_pool_is_shed_fast() -> None:
    loop = asyncio.get_running_loop()
    async with LoopbackServer(held=True) as server, _one_socket_client(server, pool=2.0) as client:
        holder = asyncio.ensure_future(client.get("/holds-the-only-connection"))
        try:
            await server.wait_for(lambda s: s.in_flight == 1, within=10, what="the first request in flight")
            start = loop.time()
            with pytest.raises(PoolExhausted) as caught:
                await get_or_shed(client, "/shed-me")
            waited = loop.time() - start
        finally:
            server.release()
            await holder
    assert isinstance(caught.value.__cause__, httpx.PoolTimeout), (
        f"PoolExhausted should be raised `from` the httpx.PoolTimeout; its __cause__ is {caught.value.__cause__!r}"
    )
    assert waited == pytest.approx(2.0, abs=1e-3), (
        f"shedding must fail after one pool budget (2 s), not retry: it took {waited:g} s of loop time"
    )


@pytest.mark.looptime
async def test_a_read_timeout_is_not_pool_exhaustion() -> None:
    loop = asyncio.get_running_loop()
    async with LoopbackServer() as server, _one_socket_client(server, pool=2.0, read=5.0) as client:
        start = loop.time()
        with pytest.raises(httpx.ReadTimeout):
            await get_or_shed(client, "/never-answers?stall=1")
        waited = loop.time() - start
    assert waited == pytest.approx(5.0, abs=1e-3), f"the read budget is 5 s; it fired after {waited:g} s"


@pytest.mark.looptime
async def test_a_queued_request_waits_for_a_freed_connection() -> None:
    loop = asyncio.get_running_loop()
    async with LoopbackServer(held=True) as server, _one_socket_client(server, pool=2.0) as client:
        holder = asyncio.ensure_future(client.get("/first"))
        await server.wait_for(lambda s: s.in_flight == 1, within=10, what="the first request in flight")
        start = loop.time()
        loop.call_later(1.0, server.release)
        response = await get_or_shed(client, "/second")
        waited = loop.time() - start
        await holder
    assert response.status_code == 200, f"expected 200 for the queued request; got {response.status_code}"
    assert waited == pytest.approx(1.0, abs=1e-3), (
        f"the connection freed after 1 s, within the 2 s pool budget, so the queued request should just "
        f"wait for it and succeed at 1 s; it returned after {waited:g} s"
    )


@pytest.mark.looptime
async def test_first_line_gives_the_connection_back() -> None:
    async with LoopbackServer() as server, _one_socket_client(server, pool=1.0) as client:
        got = [await status_and_first_line(client, f"/feed/{i}?lines=1000") for i in range(3)]
    assert got == [(200, "line0")] * 3, (
        f"three calls on a 1-connection pool should each return (200, 'line0'); got {got!r}. If the second "
        "call raised PoolTimeout, the first response still owns the only connection: close it (use "
        "`async with client.stream(...)`) before returning."
    )


async def test_reads_no_more_than_the_first_line_and_closes() -> None:
    stream = TrackingStream([f"record {i}\n".encode() for i in range(1000)])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=stream)

    async with httpx.AsyncClient(
        base_url="http://feed.test", transport=httpx.MockTransport(handler)
    ) as client:
        got = await status_and_first_line(client, "/feed")
    assert got == (200, "record 0"), f"expected (200, 'record 0'); got {got!r}"
    assert stream.produced <= 2, (
        f"{stream.produced} of 1000 chunks were read to return one line: the whole body was downloaded. "
        "Stream it (client.stream + aiter_lines) and stop at the first line."
    )
    assert stream.closed, (
        "the response body was never closed, so its connection is never given back to the pool; leave "
        "the `async with client.stream(...)` block (or `await response.aclose()`) before returning."
    )


async def test_a_line_split_across_chunks_is_joined() -> None:
    stream = TrackingStream(
        [b"rec", b"ord 0\nrecord 1\n"] + [f"record {i}\n".encode() for i in range(2, 100)]
    )

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=stream)

    async with httpx.AsyncClient(
        base_url="http://feed.test", transport=httpx.MockTransport(handler)
    ) as client:
        got = await status_and_first_line(client, "/feed")
    assert got == (200, "record 0"), (
        f"the body arrives as b'rec' then b'ord 0\\nrecord 1\\n...': the first line is 'record 0'; got "
        f"{got!r}. Chunks are cut wherever the network cut them, not at line ends: aiter_lines() joins them."
    )
    assert stream.produced <= 3 and stream.closed, (
        f"{stream.produced} chunks were read (closed: {stream.closed}); stop after the first line and close."
    )


async def test_empty_body_has_an_empty_first_line() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(204)

    async with httpx.AsyncClient(
        base_url="http://feed.test", transport=httpx.MockTransport(handler)
    ) as client:
        got = await status_and_first_line(client, "/nothing")
    assert got == (204, ""), f"an empty body has no lines: expected (204, ''); got {got!r}"
