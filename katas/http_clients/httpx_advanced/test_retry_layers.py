"""Tests for retry_layers: the transport retries connects only; the app retries what is safe, with jitter."""

from __future__ import annotations

import asyncio
import random

import httpx
import pytest

from katakit.testkit import ScriptedVendor, SleepSpy, TraceRecorder
from katakit.testkit.loopback import LoopbackServer, local_client_kwargs, refused_port
from katas.http_clients.httpx_advanced.retry_layers import (
    connect_retry_transport,
    send_with_retries,
    should_retry,
)

pytestmark = pytest.mark.looptime

REQUEST = httpx.Request("GET", "https://vendor.test/v1/items")
CONNECT_STARTED = "connection.connect_tcp.started"


def _transport(retries: int, limits: httpx.Limits | None = None) -> httpx.AsyncHTTPTransport:
    kwargs = local_client_kwargs()
    return connect_retry_transport(retries, limits or httpx.Limits(), verify=kwargs["verify"])


async def test_transport_retries_connection_setup_with_backoff() -> None:
    trace = TraceRecorder()
    loop = asyncio.get_running_loop()
    with refused_port() as port:
        async with httpx.AsyncClient(transport=_transport(2), **local_client_kwargs()) as client:
            start = loop.time()
            with pytest.raises(httpx.ConnectError):
                await client.get(f"http://127.0.0.1:{port}/items", extensions={"trace": trace})
            took = loop.time() - start
    connects = trace.count(CONNECT_STARTED)
    assert connects == 3, (
        f"retries=2 against a port nobody listens on should try to connect 3 times (1 + 2 retries); the "
        f"trace shows {connects}. httpx.AsyncHTTPTransport(retries=...) re-attempts connection setup."
    )
    assert took == pytest.approx(0.5, abs=1e-3), (
        f"the transport's own backoff between connects is 0 s, then 0.5 s: expected 0.5 s in total, took {took:g}"
    )


async def test_transport_does_not_retry_once_connected() -> None:
    async with (
        LoopbackServer() as server,
        httpx.AsyncClient(transport=_transport(3), **local_client_kwargs()) as client,
    ):
        with pytest.raises(httpx.RemoteProtocolError):
            await client.post(server.url("/orders?drop=1"), json={"sku": "A-1"})
    assert server.requests == 1, (
        f"the server hung up after reading the request; it then saw {server.requests} requests. Transport "
        "retries stop once a connection exists: the request may already have been processed, so resending "
        "it (a POST!) is the application's decision, never the transport's."
    )


async def test_transport_keeps_its_pool_limits() -> None:
    async with LoopbackServer() as server:
        server.hold()
        transport = _transport(1, httpx.Limits(max_connections=2, max_keepalive_connections=2))
        async with httpx.AsyncClient(transport=transport, **local_client_kwargs()) as client:
            load = asyncio.gather(*(client.get(server.url(f"/items/{n}")) for n in range(5)))
            try:
                await server.wait_for(lambda s: s.in_flight >= 2, within=5, what="two requests in flight")
                await asyncio.sleep(1)  # positive signal first; now give the rest (fake) time to pile up
                at_once = server.in_flight
            finally:
                server.release()
            responses = await load
    assert all(r.status_code == 200 for r in responses)
    assert at_once == 2, (
        f"max_connections=2 should keep 2 requests in flight; the server had {at_once}. The pool belongs to "
        "the transport: give it limits=; a client's limits= is silently ignored once transport= is set."
    )


def _exc(cls: type[httpx.RequestError]) -> httpx.RequestError:
    return cls(f"simulated {cls.__name__}", request=REQUEST)


def _answer(code: int) -> httpx.Response:
    return httpx.Response(code, request=REQUEST)


TABLE = [
    ("POST", _exc(httpx.ConnectError), True, "the request never left: safe for any method"),
    ("POST", _exc(httpx.ConnectTimeout), True, "the request never left: safe for any method"),
    ("POST", _exc(httpx.PoolTimeout), True, "no connection was even assigned"),
    ("GET", _exc(httpx.ReadTimeout), True, "GET is idempotent"),
    ("POST", _exc(httpx.ReadTimeout), False, "the server may already have processed the POST"),
    ("PATCH", _exc(httpx.WriteTimeout), False, "PATCH is not idempotent"),
    ("PUT", _exc(httpx.RemoteProtocolError), True, "PUT is idempotent"),
    ("POST", _exc(httpx.ReadError), False, "the POST may have arrived"),
    ("GET", _exc(httpx.LocalProtocolError), False, "our own misuse fails again"),
    ("GET", _answer(503), True, "503 on an idempotent method"),
    ("POST", _answer(503), False, "a POST that got 503 may still have been acted on"),
    ("GET", _answer(429), True, "429 means 'later'"),
    ("DELETE", _answer(502), True, "DELETE is idempotent"),
    ("GET", _answer(504), True, "504: the gateway gave up waiting, a transient failure"),
    ("HEAD", _exc(httpx.ReadTimeout), True, "HEAD is idempotent"),
    ("OPTIONS", _answer(503), True, "OPTIONS is idempotent"),
    ("TRACE", _exc(httpx.ReadError), True, "TRACE is idempotent"),
    ("POST", _exc(httpx.WriteError), False, "part of the POST may have arrived"),
    ("GET", _answer(404), False, "a 4xx will not change on retry"),
    ("GET", _answer(400), False, "a 4xx will not change on retry"),
    ("GET", _answer(500), False, "500 usually means a bug that repeats"),
    ("GET", _answer(200), False, "success"),
]


async def test_should_retry_table() -> None:
    wrong = []
    for method, outcome, expected, why in TABLE:
        if isinstance(outcome, httpx.Response):
            got = should_retry(method, response=outcome)
            label = f"{method} + {outcome.status_code}"
        else:
            got = should_retry(method, exc=outcome)
            label = f"{method} + {type(outcome).__name__}"
        if got is not expected:
            wrong.append(f"  {label}: expected {expected} ({why}), got {got!r}")
    assert not wrong, "should_retry decided wrongly:\n" + "\n".join(wrong)


async def _send(
    vendor: ScriptedVendor, method: str = "GET", attempts: int = 3
) -> tuple[httpx.Response, SleepSpy]:
    spy = SleepSpy()
    async with vendor.client() as client:
        response = await send_with_retries(
            client,
            client.build_request(method, "/v1/items"),
            attempts=attempts,
            base_delay=1.0,
            max_delay=1.5,
            sleep=spy,
            rng=random.Random(7),
        )
    return response, spy


async def test_retries_with_full_jitter_from_the_injected_rng() -> None:
    vendor = ScriptedVendor([503, 503, 200])
    response, spy = await _send(vendor)
    assert response.status_code == 200 and vendor.calls == 3, (
        f"503, 503, 200 on a GET: expected the 200 after 3 calls; got {response.status_code} after {vendor.calls}"
    )
    replay = random.Random(7)
    expected = [replay.uniform(0, min(1.5, 1.0 * 2**n)) for n in range(2)]
    assert spy.delays == pytest.approx(expected), (
        f"between attempts the injected sleep should get rng.uniform(0, min(max_delay, base_delay * 2**n)) "
        f"= {expected} (full jitter from the injected rng); it got {spy.delays}. Fixed delays make every "
        "client retry in lockstep, and asyncio.sleep directly cannot be observed or controlled."
    )


async def test_exhausted_retries_return_the_last_response() -> None:
    vendor = ScriptedVendor([503])
    response, spy = await _send(vendor, attempts=4)
    assert isinstance(response, httpx.Response), (
        f"after the last attempt return the last response (or raise), never {response!r}"
    )
    assert response.status_code == 503 and vendor.calls == 4, (
        f"4 attempts of 503: expected the 4th 503 back after 4 calls; got {response.status_code} after "
        f"{vendor.calls}"
    )
    assert len(spy.delays) == 3, f"3 waits between 4 attempts, none after the last; got {spy.delays}"


async def test_unsafe_and_permanent_outcomes_are_not_retried() -> None:
    post_503 = ScriptedVendor([503, 200])
    response, _ = await _send(post_503, method="POST")
    assert (response.status_code, post_503.calls) == (503, 1), (
        f"a POST answered 503 must not be resent (it may have been acted on): expected the 503 after 1 call, "
        f"got {response.status_code} after {post_503.calls}"
    )
    get_404 = ScriptedVendor([404, 200])
    response, _ = await _send(get_404)
    assert (response.status_code, get_404.calls) == (404, 1), (
        f"a 404 will not change on retry: expected it back after 1 call, got {response.status_code} after "
        f"{get_404.calls}"
    )
    post_timeout = ScriptedVendor([httpx.ReadTimeout, 200])
    with pytest.raises(httpx.ReadTimeout):
        await _send(post_timeout, method="POST")
    assert post_timeout.calls == 1, (
        f"a POST that timed out while reading may have been processed; it must not be resent (sent "
        f"{post_timeout.calls} times). Re-raise the ReadTimeout."
    )


async def test_transient_errors_then_success() -> None:
    vendor = ScriptedVendor([httpx.ConnectError, httpx.ReadTimeout, 200])
    response, spy = await _send(vendor)
    assert (response.status_code, vendor.calls) == (200, 3), (
        f"ConnectError, then ReadTimeout, then 200 on a GET: expected the 200 after 3 calls, got "
        f"{response.status_code} after {vendor.calls}"
    )
    assert len(spy.delays) == 2, f"one wait after each of the 2 failures; got {spy.delays}"
