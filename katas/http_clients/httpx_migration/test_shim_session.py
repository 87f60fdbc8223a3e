"""Tests for shim_session: aiohttp's lazy, context-bound response, built on httpx's streaming API."""

from __future__ import annotations

import httpx
import pytest

from katakit.testkit import TrackingStream
from katakit.testkit.loopback import LoopbackServer, local_client_kwargs
from katas.http_clients.httpx_migration.shim_session import ShimSession

URL = "https://vendor.test/v1/orders"


def _client(stream: TrackingStream, status: int = 200) -> httpx.AsyncClient:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers={"Content-Type": "application/json"}, stream=stream)

    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


async def test_json_inside_the_block() -> None:
    stream = TrackingStream([b'{"orders": [1,', b" 2, 3]}"])
    async with _client(stream) as client:
        session = ShimSession(client)
        async with session.get(URL) as resp:
            data = await resp.json()
            status = resp.status
    assert data == {"orders": [1, 2, 3]}, (
        f"`await resp.json()` should decode the body, got {data!r}. The body of a streamed response is not "
        "read yet: read it first (`await response.aread()`), then decode."
    )
    assert status == 200, f"resp.status is the status code, 200; got {status!r}"


async def test_the_body_is_read_only_when_asked() -> None:
    stream = TrackingStream([b"x" * 1000] * 50)
    async with _client(stream) as client:
        session = ShimSession(client)
        async with session.get(URL) as resp:
            produced = stream.produced
            status = resp.status
    assert status == 200
    assert produced == 0, (
        f"on entering the block {produced} of 50 body chunks had already been downloaded. aiohttp reads the "
        "body only when you await it; `await client.get()` reads everything first. httpx's lazy response "
        "is `client.stream(...)`."
    )


async def test_an_error_in_the_block_still_releases_the_response() -> None:
    stream = TrackingStream([b'{"orders": []}'])
    async with _client(stream) as client:
        session = ShimSession(client)
        with pytest.raises(ValueError, match="bad order"):
            async with session.get(URL):
                raise ValueError("bad order")
    assert stream.closed, (
        "the block raised, and the response was left open: its connection never goes back to the pool. "
        "Close it on every exit (an `async with` around client.stream does that)."
    )


async def test_read_twice_returns_the_same_bytes() -> None:
    stream = TrackingStream([b"abc", b"def"])
    async with _client(stream) as client:
        session = ShimSession(client)
        async with session.get(URL) as resp:
            first = await resp.read()
            try:
                second = await resp.read()
            except httpx.StreamConsumed:
                pytest.fail(
                    "the second read() raised StreamConsumed: a stream can be iterated once. Cache the body "
                    "(response.aread() does).",
                    pytrace=False,
                )
    assert first == second == b"abcdef", f"both reads should give b'abcdef'; got {first!r} and {second!r}"


async def test_text_and_raise_for_status() -> None:
    stream = TrackingStream([b"no such ", b"order"])
    async with _client(stream, status=404) as client:
        session = ShimSession(client)
        async with session.get(URL) as resp:
            text = await resp.text()
            with pytest.raises(httpx.HTTPStatusError):
                resp.raise_for_status()
    assert text == "no such order", f"`await resp.text()` should give 'no such order', got {text!r}"


async def test_text_uses_the_declared_charset() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        body = TrackingStream(["café crème".encode("iso-8859-1")])
        return httpx.Response(200, headers={"Content-Type": "text/plain; charset=iso-8859-1"}, stream=body)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        session = ShimSession(client)
        async with session.get(URL) as resp:
            try:
                text = await resp.text()
            except UnicodeDecodeError as exc:
                pytest.fail(
                    f"text() decoded a Latin-1 body as UTF-8 ({exc}). Like aiohttp's, it must honour the "
                    "charset in Content-Type: read the body, then use httpx's `response.text`.",
                    pytrace=False,
                )
    assert text == "café crème", f"the iso-8859-1 body decodes to 'café crème'; got {text!r}"


async def test_kwargs_reach_httpx() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[])

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        session = ShimSession(client)
        async with session.get(URL, params={"page": "2"}, headers={"Authorization": "Bearer t"}) as resp:
            await resp.read()
    sent = (seen[0].url.params.get("page"), seen[0].headers.get("Authorization")) if seen else None
    assert sent == ("2", "Bearer t"), (
        f"session.get(url, params={{'page': '2'}}, headers={{'Authorization': 'Bearer t'}}) must pass its "
        f"kwargs on to httpx, as ported aiohttp code expects; the request carried (page, Authorization) = {sent!r}"
    )


@pytest.mark.looptime
async def test_blocks_release_the_connection_and_leave_the_client_open() -> None:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    timeout = httpx.Timeout(5.0, pool=1.0)
    async with (
        LoopbackServer() as server,
        httpx.AsyncClient(limits=limits, timeout=timeout, **local_client_kwargs()) as client,
    ):
        session = ShimSession(client)
        statuses = []
        for n in range(3):
            try:
                async with session.get(server.url(f"/orders/{n}")) as resp:
                    statuses.append(resp.status)  # the body is never read
            except httpx.PoolTimeout:
                pytest.fail(
                    f"block {n + 1} got PoolTimeout: an earlier block kept the only connection. Leaving the "
                    "block must close the response, read or not.",
                    pytrace=False,
                )
            except RuntimeError as exc:
                pytest.fail(
                    f"block {n + 1} failed with {exc!r}: the session closed the client it was given. The "
                    "session does not own the client; only its owner closes it.",
                    pytrace=False,
                )
        still_open = not client.is_closed
    assert statuses == [200, 200, 200], f"three blocks, three 200s; got {statuses}"
    assert still_open, "the wrapped client must still be open after the blocks: the session does not own it"
