"""Tests for error_taxonomy: every httpx failure gets the label of its most specific class."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import httpx
import pytest

from katakit.testkit import TrackingStream, status_error
from katakit.testkit.loopback import LoopbackServer, local_client_kwargs, refused_port
from katas.http_clients.httpx_advanced.error_taxonomy import categorize

REQUEST = httpx.Request("GET", "https://vendor.test/v1/items")


def _req(cls: type[httpx.RequestError]) -> httpx.RequestError:
    return cls(f"simulated {cls.__name__}", request=REQUEST)


# The tests are `async def` even where nothing is awaited: in one module with looptime-marked tests,
# a plain sync test left an unclosed event loop behind (a ResourceWarning at the end of the session).
CONSTRUCTED: dict[str, tuple[BaseException, str]] = {
    "PoolTimeout": (_req(httpx.PoolTimeout), "pool"),
    "ConnectError": (_req(httpx.ConnectError), "connect"),
    "ConnectTimeout": (_req(httpx.ConnectTimeout), "connect"),
    "ReadTimeout": (_req(httpx.ReadTimeout), "timeout"),
    "WriteTimeout": (_req(httpx.WriteTimeout), "timeout"),
    "ReadError": (_req(httpx.ReadError), "network"),
    "WriteError": (_req(httpx.WriteError), "network"),
    "CloseError": (_req(httpx.CloseError), "network"),
    "RemoteProtocolError": (_req(httpx.RemoteProtocolError), "protocol"),
    "LocalProtocolError": (_req(httpx.LocalProtocolError), "protocol"),
    "DecodingError": (_req(httpx.DecodingError), "decoding"),
    "json.JSONDecodeError": (json.JSONDecodeError("Expecting value", "nope", 0), "decoding"),
    "TooManyRedirects": (_req(httpx.TooManyRedirects), "redirects"),
    "UnsupportedProtocol": (_req(httpx.UnsupportedProtocol), "usage"),
    "InvalidURL": (httpx.InvalidURL("Invalid port: 'http'"), "usage"),
    "StreamConsumed": (httpx.StreamConsumed(), "usage"),
    "StreamClosed": (httpx.StreamClosed(), "usage"),
    "ResponseNotRead": (httpx.ResponseNotRead(), "usage"),
    "KeyError (not an HTTP failure)": (KeyError("user_id"), "other"),
    "ValueError('x') (our own code's, not a JSON decode)": (ValueError("x"), "other"),
}


def _mro(exc: BaseException) -> str:
    return " -> ".join(c.__name__ for c in type(exc).__mro__[:-2])


async def test_constructed_exceptions_get_their_label() -> None:
    wrong = []
    for name, (exc, expected) in CONSTRUCTED.items():
        got = categorize(exc)
        if got != expected:
            wrong.append(f"  {name}: expected {expected!r}, got {got!r} (classes: {_mro(exc)})")
    assert not wrong, (
        "some exceptions got the wrong label:\n" + "\n".join(wrong) + "\nTest the most specific classes "
        "before the broad ones (PoolTimeout and ConnectTimeout are TimeoutExceptions, ConnectError is a "
        "NetworkError), and remember the StreamErrors are programming mistakes, not network trouble. Only "
        "json.JSONDecodeError is 'decoding' among the ValueErrors: check that exact class, not ValueError, or "
        "every int('abc') in your own code shows up on the dashboard as the vendor sending bad bodies."
    )


async def test_status_errors_are_labelled_by_class_of_code() -> None:
    expected = {
        302: "other",
        400: "status_4xx",
        404: "status_4xx",
        429: "status_4xx",
        499: "status_4xx",
        500: "status_5xx",
        503: "status_5xx",
    }
    got = {code: categorize(status_error(code)) for code in expected}
    assert got == expected, (
        f"HTTPStatusError labels by status code: expected {expected}, got {got}. Read "
        "exc.response.status_code: 4xx means our request was wrong, 5xx that the server failed; dashboards "
        "and retry decisions need them apart. raise_for_status() also raises for a 302 that was not followed: "
        "that is neither a 4xx nor a 5xx, so it is 'other' (test 400 <= code < 500, not just code < 500)."
    )


# ---- real failures: the exception httpx actually raises, not one we built -----------------------


async def _raised(action: Callable[[], Awaitable[object]]) -> BaseException:
    try:
        await action()
    except Exception as exc:  # we want whatever httpx raised, to label it
        return exc
    raise AssertionError("the scenario was supposed to fail and did not (test set-up problem)")


def _mock(handler: Callable[[httpx.Request], httpx.Response], **kwargs: object) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.MockTransport(handler), base_url="https://vendor.test", **kwargs)


async def _gzip_header_on_plain_bytes() -> BaseException:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Encoding": "gzip"}, content=b"this is not gzip")

    async with _mock(handler) as client:
        return await _raised(lambda: client.get("/report"))


async def _redirect_loop() -> BaseException:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "/again"})

    async with _mock(handler, follow_redirects=True, max_redirects=2) as client:
        return await _raised(lambda: client.get("/again"))


async def _json_on_plain_text() -> BaseException:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="nope")

    async with _mock(handler) as client:
        response = await client.get("/items")

        async def decode() -> object:
            return response.json()

        return await _raised(decode)


async def _ftp_url() -> BaseException:
    async with httpx.AsyncClient(**local_client_kwargs()) as client:
        return await _raised(lambda: client.get("ftp://files.test/report.csv"))


async def _second_iteration() -> BaseException:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=TrackingStream([b"once ", b"only"]))

    async with _mock(handler) as client, client.stream("GET", "/items") as response:
        async for _ in response.aiter_raw():
            pass

        async def again() -> object:
            return [chunk async for chunk in response.aiter_raw()]

        return await _raised(again)


async def _server_hangs_up() -> BaseException:
    async with LoopbackServer() as server, httpx.AsyncClient(**local_client_kwargs()) as client:
        return await _raised(lambda: client.get(server.url("/items?drop=1")))


async def _nobody_listening() -> BaseException:
    with refused_port() as port:
        async with httpx.AsyncClient(**local_client_kwargs()) as client:
            return await _raised(lambda: client.get(f"http://127.0.0.1:{port}/items"))


async def _server_never_answers() -> BaseException:
    async with LoopbackServer() as server, httpx.AsyncClient(**local_client_kwargs(), timeout=2.0) as client:
        return await _raised(lambda: client.get(server.url("/items?stall=1")))


async def _no_connection_comes_free() -> BaseException:
    limits = httpx.Limits(max_connections=1)
    timeout = httpx.Timeout(5.0, pool=1.0)
    async with (
        LoopbackServer() as server,
        httpx.AsyncClient(**local_client_kwargs(), limits=limits, timeout=timeout) as c,
        c.stream(
            "GET", server.url("/slow?lines=3&stall_after=0")
        ),  # headers, then silence: holds the connection
    ):
        return await _raised(lambda: c.get(server.url("/items")))


REAL: dict[str, tuple[Callable[[], Awaitable[BaseException]], str]] = {
    "gzip Content-Encoding on plain bytes": (_gzip_header_on_plain_bytes, "decoding"),
    "a redirect loop with max_redirects=2": (_redirect_loop, "redirects"),
    "response.json() on the body 'nope'": (_json_on_plain_text, "decoding"),
    "an ftp:// URL": (_ftp_url, "usage"),
    "iterating a streamed body twice": (_second_iteration, "usage"),
    "the server closes the socket without answering": (_server_hangs_up, "protocol"),
    "a port nobody listens on": (_nobody_listening, "connect"),
    "a server that never answers (read=2)": (_server_never_answers, "timeout"),
    "no pooled connection free for pool=1": (_no_connection_comes_free, "pool"),
}


@pytest.mark.looptime
async def test_real_failures_get_their_label() -> None:
    wrong = []
    for scenario, (make, expected) in REAL.items():
        exc = await make()
        got = categorize(exc)
        if got != expected:
            wrong.append(
                f"  {scenario}: httpx raised {type(exc).__name__}, labelled {got!r}, expected {expected!r}"
            )
    assert not wrong, (
        "real failures got the wrong label:\n" + "\n".join(wrong) + "\nLabel what httpx really raises: "
        "Response.json() raises json.JSONDecodeError (a ValueError, not an httpx.DecodingError), and a refused "
        "connection is a ConnectError, which is also a NetworkError."
    )
