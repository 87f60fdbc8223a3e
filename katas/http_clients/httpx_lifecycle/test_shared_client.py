"""Tests for shared_client: a lazily connecting, reused, reliably closed AsyncClient, seen from a real server."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from katakit.testkit import LoopbackServer, local_client_kwargs
from katas.http_clients.httpx_lifecycle.shared_client import UpstreamClient

pytestmark = pytest.mark.looptime


async def _ticks(n: int = 5) -> None:
    for _ in range(n):
        await asyncio.sleep(0)


async def test_entering_opens_no_connection() -> None:
    async with LoopbackServer() as server, UpstreamClient(server.origin, **local_client_kwargs()) as upstream:
        await _ticks()
        opened_on_enter = server.opened
        assert isinstance(upstream.client, httpx.AsyncClient), (
            f"inside the block `client` must be the live httpx.AsyncClient; got {upstream.client!r}"
        )
        await upstream.get_json("/ping")
    assert opened_on_enter == 0, (
        f"entering the block opened {opened_on_enter} connection(s) before any request. httpx connects "
        "lazily, on the first request; a warm-up call in __aenter__ only adds latency to start-up."
    )
    assert server.opened == 1, f"the first request should open exactly one connection; {server.describe()}"


async def test_sequential_calls_share_one_connection() -> None:
    async with LoopbackServer() as server, UpstreamClient(server.origin, **local_client_kwargs()) as upstream:
        bodies = [await upstream.get_json(f"/items/{i}") for i in range(5)]
    assert [b["path"] for b in bodies] == [f"/items/{i}" for i in range(5)], (
        f"get_json should return the decoded JSON body of each answer; got {bodies!r}"
    )
    assert server.opened == 1 and server.conn_ids() == [1] * 5, (
        f"5 requests opened {server.opened} TCP connection(s) (connection per request: {server.conn_ids()}). "
        "A client per call pays DNS + TCP (+ TLS) every time; create ONE AsyncClient in __aenter__ and "
        "reuse it, so its pool keeps the connection alive between requests."
    )


async def test_exit_releases_every_socket() -> None:
    async with LoopbackServer() as server:
        async with UpstreamClient(server.origin, **local_client_kwargs()) as upstream:
            client = upstream.client
            await upstream.get_json("/a")
            await upstream.get_json("/b")
        try:
            await server.wait_for(
                lambda s: s.opened >= 1 and s.closed == s.opened,
                within=1.0,
                what="the server seeing the client's sockets closed after the block exited",
            )
            assert client.is_closed, (
                "the AsyncClient is still open after the block: __aexit__ must `await client.aclose()`."
            )
        finally:
            await client.aclose()  # a no-op when __aexit__ did its job; stops a wrong solution's leak


class _JobFailed(Exception):
    """Raised inside the block by the test, standing for any failure in the caller's code."""


async def test_exit_after_an_error_still_closes_the_client() -> None:
    async with LoopbackServer() as server:
        upstream = UpstreamClient(server.origin, **local_client_kwargs())
        client: httpx.AsyncClient | None = None
        try:
            try:
                async with upstream:
                    client = upstream.client
                    await upstream.get_json("/a")
                    raise _JobFailed("the caller's code failed inside the block")
            except _JobFailed:
                pass
            else:
                pytest.fail(
                    "an exception raised inside the block vanished: __aexit__ must let it propagate "
                    "(return None), after closing the client.",
                    pytrace=False,
                )
            assert client is not None and client.is_closed, (
                "the block ended with an exception and the AsyncClient was left open: __aexit__ runs on the "
                "error path too, and must `await client.aclose()` whatever exc_info holds, or every failed "
                "job leaks its pooled sockets."
            )
            await server.wait_for(
                lambda s: s.opened >= 1 and s.closed == s.opened,
                within=1.0,
                what="the server seeing the client's socket closed after the block failed",
            )
        finally:
            if client is not None:
                await client.aclose()


async def test_client_kwargs_reach_the_async_client() -> None:
    async with (
        LoopbackServer() as server,
        UpstreamClient(server.origin, headers={"x-caller": "kata"}, **local_client_kwargs()) as upstream,
    ):
        await upstream.get_json("/whoami")
    seen = server.log[0].headers.get("x-caller") if server.log else None
    assert seen == "kata", (
        "UpstreamClient(base_url, headers={'x-caller': 'kata'}) should build its AsyncClient with those "
        f"client_kwargs unchanged, so every request carries the header; the server saw x-caller={seen!r}"
    )


async def test_two_upstreams_at_once_are_independent() -> None:
    async with (
        LoopbackServer() as first,
        LoopbackServer() as second,
        UpstreamClient(first.origin, **local_client_kwargs()) as a,
    ):
        async with UpstreamClient(second.origin, **local_client_kwargs()) as b:
            client_a, client_b = a.client, b.client
            await a.get_json("/to-first")
            await b.get_json("/to-second")
        try:
            await a.get_json("/first-again")
        except (RuntimeError, LookupError) as exc:
            if isinstance(exc, NotImplementedError):
                raise
            pytest.fail(
                f"closing the inner UpstreamClient broke the outer one ({exc}): each instance must "
                "own its client (an instance attribute), never a slot shared by the class or module.",
                pytrace=False,
            )
    assert client_a is not client_b, "two UpstreamClient instances returned the same AsyncClient"
    paths_first = [r.path for r in first.log]
    paths_second = [r.path for r in second.log]
    assert paths_first == ["/to-first", "/first-again"] and paths_second == ["/to-second"], (
        "two UpstreamClients for two upstreams, open at once, must each keep their own AsyncClient and "
        f"base_url; the first server saw {paths_first}, the second {paths_second}"
    )


async def test_http_errors_raise() -> None:
    async with LoopbackServer() as server, UpstreamClient(server.origin, **local_client_kwargs()) as upstream:
        with pytest.raises(httpx.HTTPStatusError) as caught:
            body = await upstream.get_json("/missing?status=404")
            pytest.fail(
                f"a 404 answer was returned as data ({body!r}); call response.raise_for_status() "
                "before decoding, so an error page is never mistaken for a result."
            )
    status = caught.value.response.status_code
    assert status == 404, f"the HTTPStatusError should carry the 404 response; it carries {status}"


async def test_client_outside_the_block_is_a_lookup_error() -> None:
    async with LoopbackServer() as server:
        upstream = UpstreamClient(server.origin, **local_client_kwargs())
        with pytest.raises(LookupError):
            _ = upstream.client  # before entering: nothing exists yet
        async with upstream:
            await upstream.get_json("/x")
        with pytest.raises(LookupError):
            _ = upstream.client  # after exit: the client is closed and gone


async def test_a_second_block_gets_a_fresh_client() -> None:
    async with LoopbackServer() as server:
        upstream = UpstreamClient(server.origin, **local_client_kwargs())
        try:
            async with upstream:
                await upstream.get_json("/first")
            async with upstream:
                await upstream.get_json("/second")
            async with UpstreamClient(server.origin, **local_client_kwargs()) as other:
                await other.get_json("/third")
        except RuntimeError as exc:
            if isinstance(exc, NotImplementedError):
                raise
            pytest.fail(
                f"a later block reused a closed AsyncClient and httpx refused: {exc}. A closed client "
                "cannot be reopened; create a fresh one in every __aenter__ (never at import time, in "
                "__init__, or cached from an earlier block).",
                pytrace=False,
            )
    assert server.conn_ids() == [1, 2, 3], (
        f"three blocks should use three clients, hence three connections; got {server.conn_ids()}"
    )
