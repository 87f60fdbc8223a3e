"""Tests for connection_ledger: requests vs the TCP connections behind them, per origin, via httpx's trace."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from katakit.testkit import LoopbackServer, local_client_kwargs
from katas.http_clients.httpx_lifecycle.connection_ledger import ConnectionLedger


async def _get_all(client: httpx.AsyncClient, urls: list[str]) -> None:
    for url in urls:
        (await client.get(url)).raise_for_status()


async def test_empty_ledger() -> None:
    ledger = ConnectionLedger()
    assert (ledger.requests, ledger.opened, ledger.reuse_ratio()) == (0, {}, 1.0), (
        "a fresh ledger has 0 requests, no origins, and a reuse ratio of 1.0 (nothing needed a handshake); "
        f"got {(ledger.requests, ledger.opened, ledger.reuse_ratio())!r}"
    )


@pytest.mark.looptime
async def test_counts_connections_not_requests() -> None:
    ledger = ConnectionLedger()
    async with LoopbackServer() as a, httpx.AsyncClient(**local_client_kwargs()) as client:
        ledger.install(client)
        await _get_all(client, [a.url("/one"), a.url("/two"), a.url("/three")])
    assert ledger.requests == 3, f"3 requests were sent; the ledger counted {ledger.requests}"
    assert a.opened == 1, f"the server accepted {a.opened} connections (expected 1: keep-alive reuse)"
    assert ledger.opened == {a.origin: 1}, (
        f"3 requests went over 1 TCP connection, so expected {{{a.origin!r}: 1}}; got {ledger.opened!r}. "
        "Count the trace event 'connection.connect_tcp.complete' (a new connection), not requests or "
        "'send_request_headers' events (one per request, on a reused connection too)."
    )
    assert ledger.reuse_ratio() == pytest.approx(2 / 3), (
        f"2 of 3 requests reused a connection: reuse_ratio() should be 2/3; got {ledger.reuse_ratio()!r}"
    )


@pytest.mark.looptime
async def test_origin_includes_the_port() -> None:
    ledger = ConnectionLedger()
    async with (
        LoopbackServer() as a,
        LoopbackServer() as b,
        httpx.AsyncClient(**local_client_kwargs()) as client,
    ):
        ledger.install(client)
        await _get_all(client, [a.url(), b.url(), a.url(), b.url(), a.url(), b.url()])
    assert ledger.opened == {a.origin: 1, b.origin: 1}, (
        f"A and B are both 127.0.0.1 but listen on ports {a.port} and {b.port}; each was connected to once, "
        f"so expected {{{a.origin!r}: 1, {b.origin!r}: 1}}; got {ledger.opened!r}. The pool key is the "
        "origin: (scheme, host, port). Two ports on one host never share a connection."
    )


CONNECTED_EVENT = "connection.connect_tcp.complete"


class _HandshakingTransport(httpx.AsyncBaseTransport):
    """Stands in for httpcore: reports a new TCP connection on each request's trace, then answers 200.

    No socket can listen on port 80 or 443 in a test, so this is how a default port reaches the ledger.
    """

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        trace = request.extensions.get("trace")
        if trace is not None:
            await trace(CONNECTED_EVENT, {"return_value": None})
        return httpx.Response(200, json={})


async def test_default_ports_are_written() -> None:
    ledger = ConnectionLedger()
    async with httpx.AsyncClient(transport=_HandshakingTransport()) as client:
        ledger.install(client)
        await _get_all(client, ["http://upstream.internal/a", "https://upstream.internal/b"])
    expected = {"http://upstream.internal:80": 1, "https://upstream.internal:443": 1}
    assert ledger.opened == expected, (
        f"one connection each to http://upstream.internal and https://upstream.internal: expected {expected!r}; "
        f"got {ledger.opened!r}. The key is 'scheme://host:port' with the port always written: a URL without "
        "one uses the scheme's default (80 for http, 443 for https), and request.url.port is None then."
    )


HANDSHAKE_CASES: dict[str, tuple[dict[str, Any], str, int]] = {
    "keep-alive (the default)": ({}, "/", 1),
    "server answers Connection: close": ({}, "/?close=1", 3),
    "no idle connection kept (max_keepalive_connections=0)": (
        {"limits": httpx.Limits(max_connections=5, max_keepalive_connections=0, keepalive_expiry=5.0)},
        "/",
        3,
    ),
    "idle connection expired (keepalive_expiry=0)": (
        {"limits": httpx.Limits(max_connections=5, max_keepalive_connections=5, keepalive_expiry=0.0)},
        "/",
        3,
    ),
}


@pytest.mark.looptime
@pytest.mark.parametrize("case", HANDSHAKE_CASES)
async def test_when_a_new_handshake_happens(case: str) -> None:
    kwargs, path, expected = HANDSHAKE_CASES[case]
    ledger = ConnectionLedger()
    async with LoopbackServer() as a, httpx.AsyncClient(**local_client_kwargs(), **kwargs) as client:
        ledger.install(client)
        await _get_all(client, [a.url(path)] * 3)
    assert a.opened == expected, f"{case}: the server accepted {a.opened} connections, expected {expected}"
    assert ledger.opened == {a.origin: expected}, (
        f"{case}: 3 requests needed {expected} TCP connection(s), as the server confirms; the ledger says "
        f"{ledger.opened!r}. A new handshake happens only when no healthy idle connection is available."
    )
    assert ledger.reuse_ratio() == pytest.approx(1 - expected / 3), (
        f"{case}: reuse_ratio() should be {1 - expected / 3:.3f}; got {ledger.reuse_ratio()!r}"
    )


@pytest.mark.looptime
async def test_install_keeps_existing_hooks() -> None:
    async def add_tenant(request: httpx.Request) -> None:
        request.headers["X-Tenant"] = "t1"

    ledger = ConnectionLedger()
    async with (
        LoopbackServer() as a,
        httpx.AsyncClient(**local_client_kwargs(), event_hooks={"request": [add_tenant]}) as client,
    ):
        ledger.install(client)
        await _get_all(client, [a.url("/x"), a.url("/y")])
    tenants = [record.headers.get("x-tenant") for record in a.log]
    assert tenants == ["t1", "t1"], (
        f"the client's own request hook (it adds X-Tenant: t1) stopped firing after install(): the server saw "
        f"{tenants!r}. Append to client.event_hooks['request'] instead of replacing the hooks."
    )
    assert ledger.requests == 2, f"2 requests were sent; the ledger counted {ledger.requests}"
