"""Tests for which_phase: each of the four budgets made to run out for real, and the overall deadline."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from katakit.testkit import (
    SMALL_SEND_BUFFER,
    LoopbackServer,
    blackhole_port,
    local_client_kwargs,
    refused_port,
    stalled_reader,
)
from katas.http_clients.httpx_timeouts.which_phase import attempt, timeout_phase

REQUEST = httpx.Request("GET", "http://upstream.test/v1/items")


def _client(timeout: httpx.Timeout, **kwargs: object) -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=timeout, **local_client_kwargs(), **kwargs)  # type: ignore[arg-type]


def _elapsed_since(start: float) -> float:
    return asyncio.get_running_loop().time() - start


TABLE: dict[str, tuple[BaseException, str]] = {
    "PoolTimeout": (httpx.PoolTimeout("p", request=REQUEST), "pool"),
    "ConnectTimeout": (httpx.ConnectTimeout("c", request=REQUEST), "connect"),
    "WriteTimeout": (httpx.WriteTimeout("w", request=REQUEST), "write"),
    "ReadTimeout": (httpx.ReadTimeout("r", request=REQUEST), "read"),
    "builtin TimeoutError (asyncio.timeout)": (TimeoutError(), "deadline"),
    "ConnectError (refused: not a timeout)": (httpx.ConnectError("refused", request=REQUEST), "none"),
    "RemoteProtocolError": (httpx.RemoteProtocolError("dropped", request=REQUEST), "none"),
    "ValueError": (ValueError("bug"), "none"),
}


@pytest.mark.parametrize("label", TABLE)
async def test_each_exception_names_its_phase(label: str) -> None:
    exc, expected = TABLE[label]
    got = timeout_phase(exc)
    assert got == expected, (
        f"{label}: expected {expected!r}, got {got!r}. Test the specific httpx classes (PoolTimeout, "
        "ConnectTimeout, WriteTimeout, ReadTimeout) before anything generic; builtin TimeoutError is the "
        "overall deadline; errors that are not timeouts are 'none'."
    )


@pytest.mark.looptime
async def test_pool_budget() -> None:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with (
        LoopbackServer(held=True) as server,
        _client(httpx.Timeout(1000, pool=2), limits=limits) as client,
    ):
        holder = asyncio.ensure_future(client.get(server.url("/holds-the-only-connection")))
        try:
            await server.wait_for(lambda s: s.in_flight == 1, within=10, what="the first request in flight")
            start = asyncio.get_running_loop().time()
            got = await attempt(client, "GET", server.url("/queued"))
            elapsed = _elapsed_since(start)
        finally:
            server.release()
            await holder
    assert (got, elapsed) == ("pool", pytest.approx(2.0, abs=1e-3)), (
        f"with the only connection busy, the pool budget (2 s) runs out first: expected ('pool', 2.0), got "
        f"({got!r}, {elapsed:g})"
    )


@pytest.mark.looptime
async def test_connect_budget() -> None:
    with blackhole_port() as port:
        async with _client(httpx.Timeout(1000, connect=3)) as client:
            start = asyncio.get_running_loop().time()
            got = await attempt(client, "GET", f"http://127.0.0.1:{port}/")
            elapsed = _elapsed_since(start)
    assert (got, elapsed) == ("connect", pytest.approx(3.0, abs=1e-3)), (
        f"a host that never answers the TCP handshake exhausts the connect budget (3 s): expected "
        f"('connect', 3.0), got ({got!r}, {elapsed:g})"
    )


@pytest.mark.looptime
async def test_write_budget() -> None:
    transport = httpx.AsyncHTTPTransport(socket_options=SMALL_SEND_BUFFER, **local_client_kwargs())
    async with stalled_reader() as port, _client(httpx.Timeout(1000, write=7), transport=transport) as client:
        start = asyncio.get_running_loop().time()
        got = await attempt(client, "POST", f"http://127.0.0.1:{port}/upload", content=b"x" * (2 << 20))
        elapsed = _elapsed_since(start)
    assert (got, elapsed) == ("write", pytest.approx(7.0, abs=1e-3)), (
        f"a peer that never reads fills the socket buffers, and a 2 MiB upload then blocks in the write "
        f"phase (7 s): expected ('write', 7.0), got ({got!r}, {elapsed:g})"
    )


@pytest.mark.looptime
async def test_read_budget_covers_the_first_byte() -> None:
    async with LoopbackServer() as server, _client(httpx.Timeout(1000, read=30)) as client:
        start = asyncio.get_running_loop().time()
        got = await attempt(client, "GET", server.url("/thinks-forever?stall=1"))
        elapsed = _elapsed_since(start)
    assert (got, elapsed) == ("read", pytest.approx(30.0, abs=1e-3)), (
        f"a server that accepts the request and never answers exhausts the read budget (30 s): the read "
        f"timeout covers the wait for the first byte. Expected ('read', 30.0), got ({got!r}, {elapsed:g}). "
        "httpx's timeouts are not builtin TimeoutErrors: `except TimeoutError` does not catch them."
    )


@pytest.mark.looptime
async def test_read_budget_restarts_with_every_chunk() -> None:
    async with LoopbackServer() as server, _client(httpx.Timeout(1000, read=15)) as client:
        start = asyncio.get_running_loop().time()
        got = await attempt(client, "GET", server.url("/trickle?lines=6&gap=10"))
        elapsed = _elapsed_since(start)
    assert (got, elapsed) == (200, pytest.approx(60.0, abs=1e-3)), (
        f"6 lines 10 s apart never leave the connection silent for 15 s, so the read budget never runs out "
        f"and the exchange takes 60 s: expected (200, 60.0), got ({got!r}, {elapsed:g})"
    )


@pytest.mark.looptime
async def test_deadline_bounds_the_whole_exchange() -> None:
    async with LoopbackServer() as server, _client(httpx.Timeout(1000, read=15)) as client:
        start = asyncio.get_running_loop().time()
        got = await attempt(client, "GET", server.url("/trickle?lines=6&gap=10"), deadline=25)
        elapsed = _elapsed_since(start)
    assert (got, elapsed) == ("deadline", pytest.approx(25.0, abs=1e-3)), (
        f"the same trickle under deadline=25 must stop at 25 s: expected ('deadline', 25.0), got ({got!r}, "
        f"{elapsed:g}). A read budget restarts with every chunk, so it cannot bound the total; wrap the "
        "whole request, body included, in `asyncio.timeout(deadline)`."
    )


@pytest.mark.looptime
async def test_a_zero_deadline_has_already_passed() -> None:
    async with LoopbackServer() as server, _client(httpx.Timeout(1000)) as client:
        start = asyncio.get_running_loop().time()
        got = await attempt(client, "GET", server.url("/slow?delay=5"), deadline=0)
        elapsed = _elapsed_since(start)
    assert (got, elapsed) == ("deadline", pytest.approx(0.0, abs=1e-3)), (
        f"deadline=0 means the time is already up: expected ('deadline', 0.0), got ({got!r}, {elapsed:g}). "
        "Only None means 'no overall deadline'; test `deadline is None`, not its truthiness "
        "(asyncio.timeout(None) is the no-deadline case, asyncio.timeout(0) expires at once)."
    )


@pytest.mark.looptime
async def test_a_refused_connection_is_an_error_not_a_timeout() -> None:
    with refused_port() as port:
        async with _client(httpx.Timeout(1000, connect=3)) as client:
            with pytest.raises(httpx.ConnectError):
                got = await attempt(client, "GET", f"http://127.0.0.1:{port}/")
                pytest.fail(
                    f"a refused connection returned {got!r}: it is not a timeout (nothing ran out, the host "
                    "said no at once), so attempt() must let httpx.ConnectError propagate."
                )
