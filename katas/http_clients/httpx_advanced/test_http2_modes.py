"""Tests for http2_modes: HTTP/2 multiplexes a pool of one, and http2=True alone never upgrades cleartext."""

from __future__ import annotations

import asyncio
import sys
from collections import Counter

import httpx
import pytest

from katakit.testkit import H2PriorKnowledgeServer
from katakit.testkit.loopback import LoopbackServer, local_client_kwargs
from katas.http_clients.httpx_advanced.http2_modes import build_client, versions_under_load

pytestmark = pytest.mark.looptime

PATHS = [f"/items/{n}" for n in range(10)]


async def test_prior_knowledge_multiplexes_one_connection() -> None:
    async with H2PriorKnowledgeServer() as server:
        server.hold()
        async with build_client(
            server.origin, mode="prior-knowledge", max_connections=1, **local_client_kwargs(), timeout=60.0
        ) as c:
            load = asyncio.create_task(versions_under_load(c, PATHS))
            all_open = asyncio.create_task(server.wait_for(lambda s: s.in_flight == 10, within=30))
            try:
                await asyncio.wait({load, all_open}, return_when=asyncio.FIRST_COMPLETED)
                streams_at_once = server.max_in_flight
            finally:
                server.release()
                all_open.cancel()
                await asyncio.gather(all_open, return_exceptions=True)
            try:
                got = await load
            except httpx.RemoteProtocolError as exc:
                pytest.fail(
                    f"the HTTP/2-only server hung up ({exc!r}): the client spoke HTTP/1.1. Over cleartext httpx "
                    "never upgrades; http2=True only adds an offer to the TLS handshake. Prior knowledge needs "
                    "http1=False, http2=True.",
                    pytrace=False,
                )
    assert streams_at_once == 10, (
        f"10 requests through a pool of max_connections=1 should all be open at once as HTTP/2 streams; at "
        f"most {streams_at_once} were. Send them concurrently (asyncio.gather), or there is nothing to multiplex."
    )
    assert server.opened == 1, (
        f"HTTP/2 needs one connection for all 10 streams; the server saw {server.opened}"
    )
    assert got == Counter({"HTTP/2": 10}), f"expected Counter({{'HTTP/2': 10}}), got {got!r}"


async def test_off_keeps_one_request_per_connection() -> None:
    async with LoopbackServer() as server:
        server.hold()
        async with build_client(server.origin, mode="off", max_connections=1, **local_client_kwargs()) as c:
            load = asyncio.create_task(versions_under_load(c, PATHS))
            try:
                await server.wait_for(lambda s: s.in_flight >= 1, within=3, what="the first request")
                await asyncio.sleep(1)  # a positive signal first, then give the others (fake) time to pile up
                at_once = server.in_flight
            finally:
                server.release()
            got = await load
    assert at_once == 1, (
        f"with HTTP/1.1 and max_connections=1 only one request can be in flight; the server had {at_once} at "
        "once. Pass max_connections to httpx.Limits: under HTTP/1.1 it caps concurrency, and the other "
        "requests queue for the connection."
    )
    assert got == Counter({"HTTP/1.1": 10}), f"expected Counter({{'HTTP/1.1': 10}}), got {got!r}"
    assert server.opened == 1, f"one pooled connection serves all 10 in turn; the server saw {server.opened}"


async def test_negotiate_over_cleartext_is_plain_http11() -> None:
    async with (
        LoopbackServer() as server,
        build_client(server.origin, mode="negotiate", max_connections=2, **local_client_kwargs()) as c,
    ):
        try:
            got = await versions_under_load(c, PATHS[:4])
        except httpx.RemoteProtocolError as exc:
            pytest.fail(
                f"an HTTP/1.1 server could not be reached in 'negotiate' mode ({exc!r}): with http1=False "
                "there is no fallback. Negotiation keeps HTTP/1.1 and adds HTTP/2 (http1=True, http2=True).",
                pytrace=False,
            )
    assert got == Counter({"HTTP/1.1": 4}), (
        f"over http:// there is no TLS, so no ALPN to negotiate with: expected Counter({{'HTTP/1.1': 4}}), got {got!r}"
    )
    upgrades = [r.headers.get("upgrade") for r in server.log if "upgrade" in r.headers]
    assert upgrades == [], f"httpx never attempts an h2c Upgrade, yet requests carried Upgrade: {upgrades}"


async def test_http2_modes_need_the_h2_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "h2", None)  # as if `httpx[http2]` was not installed
    for mode in ("negotiate", "prior-knowledge"):
        with pytest.raises(ImportError):
            build_client("http://127.0.0.1:9", mode=mode)  # type: ignore[arg-type]
    try:
        client = build_client("http://127.0.0.1:9", mode="off")
    except ImportError as exc:
        pytest.fail(
            f"mode 'off' failed without the h2 package ({exc}): an HTTP/1.1-only client must not ask for "
            "http2=True, or it breaks wherever the httpx[http2] extra is missing.",
            pytrace=False,
        )
    await client.aclose()


async def test_unknown_mode_is_rejected() -> None:
    with pytest.raises(ValueError):
        build_client("http://127.0.0.1:9", mode="h3")  # type: ignore[arg-type]
