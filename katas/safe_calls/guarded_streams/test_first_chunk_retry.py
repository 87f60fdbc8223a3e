"""Tests for first_chunk_retry: retry the start of a stream, never a stream the client has begun to read."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from katakit.testkit import Answer, SleepSpy, StreamingVendor, sse_data, virtual_guard
from katas.safe_calls.guarded_streams.first_chunk_retry import UpstreamRejected, stream_data_with_retry

pytestmark = pytest.mark.looptime

STREAM_PATH = "/v1/chat/completions"
THREE = Answer(
    chunks=[(1, sse_data("Hel")), (1, sse_data("lo")), (1, sse_data("!")), (0, "data: [DONE]\n\n")]
)


def _backoff(attempt: int) -> float:
    return 0.5 * 2**attempt  # 0.5, 1.0, 2.0, ...


def _request() -> httpx.Request:
    return httpx.Request("POST", f"https://vendor.test{STREAM_PATH}", json={"stream": True})


async def _collect(
    vendor: StreamingVendor,
    sleep: SleepSpy,
    got: list[str],
    max_attempts: int = 3,
    build: Callable[[], httpx.Request] = _request,
) -> None:
    async with vendor.client() as client, virtual_guard():
        stream = stream_data_with_retry(
            client, build, max_attempts=max_attempts, backoff=_backoff, sleep=sleep
        )
        async for payload in stream:
            got.append(payload)


@pytest.mark.parametrize("status", [503, 429, 500])
async def test_retryable_status_then_success(status: int) -> None:
    vendor, sleep, got = StreamingVendor([status, THREE]), SleepSpy(), []
    built: list[httpx.Request] = []

    def build() -> httpx.Request:
        built.append(_request())
        return built[-1]

    await _collect(vendor, sleep, got, build=build)
    assert got == ["Hel", "lo", "!"], (
        f"after a {status} the second attempt streamed 'Hel', 'lo', '!' (then [DONE], which is not a "
        f"payload): expected exactly those, once; got {got!r}"
    )
    assert vendor.calls == 2 and sleep.delays == [_backoff(0)], (
        f"a {status} before any payload is worth one retry after backoff(0)={_backoff(0)}: expected 2 "
        f"requests and sleeps [{_backoff(0)}]; got {vendor.calls} requests, sleeps {sleep.delays}"
    )
    assert len(built) == 2, (
        f"2 attempts must send 2 fresh requests from build_request(); it was called {len(built)} time(s). A "
        "request is single-use: a streamed body cannot be sent twice, and headers such as a signature or a "
        "timestamp must be made anew for each attempt."
    )


async def test_only_data_payloads_are_yielded_exactly() -> None:
    fields = Answer(
        chunks=[
            (1, "event: delta\nid: 7\ndata:tight\n\n"),
            (1, "data:  spaced\n\n"),
            (1, "retry: 100\n: keepalive\n\n"),
            (0, "data: [DONE]\n\n"),
        ]
    )
    vendor, sleep, got = StreamingVendor([fields]), SleepSpy(), []
    await _collect(vendor, sleep, got)
    assert got == ["tight", " spaced"], (
        f"expected only the data payloads, exactly: 'tight' (from `data:tight`, the space after the colon is "
        f"optional) and ' spaced' (from `data:  spaced`, only ONE optional space is removed); got {got!r}. "
        "Yield the text after `data:` minus one leading space; skip `event:`, `id:`, `retry:` and comments."
    )


async def test_connect_error_is_retried() -> None:
    vendor, sleep, got = StreamingVendor([httpx.ConnectError, THREE]), SleepSpy(), []
    await _collect(vendor, sleep, got)
    assert got == ["Hel", "lo", "!"] and vendor.calls == 2, (
        f"a ConnectError means nothing was sent: retry it. Expected 2 requests and the 3 payloads; got "
        f"{vendor.calls} requests and {got!r}"
    )


async def test_client_error_is_raised_with_the_vendor_message() -> None:
    rejection = Answer(
        status=400,
        chunks=[(0, '{"error": {"message": "max_tokens is too large"}}')],
        headers={"content-type": "application/json"},
    )
    vendor = StreamingVendor([rejection, THREE])
    sleep: SleepSpy = SleepSpy()
    with pytest.raises(UpstreamRejected) as caught:
        await _collect(vendor, sleep, [])
    assert caught.value.status == 400 and "max_tokens is too large" in caught.value.detail, (
        f"expected UpstreamRejected(400, <the vendor's message>); got status {caught.value.status}, "
        f"detail {caught.value.detail!r}. Read the streamed error body with `await response.aread()` first."
    )
    assert vendor.calls == 1 and sleep.delays == [], (
        f"a 400 fails the same way every time: expected 1 request and no sleep; got {vendor.calls} "
        f"requests, sleeps {sleep.delays}"
    )


async def test_failure_after_a_payload_is_not_retried() -> None:
    broken = Answer(
        chunks=[(1, sse_data("Hel")), (1, sse_data("lo")), (1, httpx.RemoteProtocolError("peer closed"))]
    )
    vendor, sleep, got = StreamingVendor([broken, THREE]), SleepSpy(), []
    with pytest.raises(httpx.RemoteProtocolError):
        await _collect(vendor, sleep, got)
    assert got == ["Hel", "lo"] and vendor.calls == 1, (
        f"the stream broke after 2 payloads had reached the client: the failure must propagate, with no "
        f"retry (a retry replays tokens the client already has: 'HelloHel...'). Expected 1 request and "
        f"['Hel', 'lo']; got {vendor.calls} requests and {got!r}"
    )


async def test_failure_before_the_first_payload_is_retried() -> None:
    only_pings = Answer(chunks=[(0, ": ping\n\n"), (1, "\n"), (1, httpx.ReadError("connection reset"))])
    vendor, sleep, got = StreamingVendor([only_pings, THREE]), SleepSpy(), []
    await _collect(vendor, sleep, got)
    assert got == ["Hel", "lo", "!"] and vendor.calls == 2, (
        f"the first answer sent only a comment and a blank line before failing: nothing reached the "
        f"client, so retrying is safe. Expected 2 requests and the 3 payloads; got {vendor.calls} requests "
        f"and {got!r}"
    )


async def test_exhausted_attempts_raise_the_last_failure() -> None:
    vendor, sleep = StreamingVendor([503]), SleepSpy()
    with pytest.raises(httpx.HTTPStatusError) as caught:
        await _collect(vendor, sleep, [], max_attempts=3)
    assert caught.value.response.status_code == 503
    assert vendor.calls == 3 and sleep.delays == [_backoff(0), _backoff(1)], (
        f"max_attempts=3 means 3 requests and 2 sleeps (never one after the final attempt); got "
        f"{vendor.calls} requests, sleeps {sleep.delays}"
    )


async def test_response_is_closed_before_the_backoff_sleep() -> None:
    failing = Answer(chunks=[(0, ": ping\n\n"), (1, httpx.ReadError("connection reset"))])
    vendor = StreamingVendor([failing, THREE])
    sleep = SleepSpy(probe=lambda: list(vendor.closed_bodies))
    await _collect(vendor, sleep, [])
    assert sleep.probes == [[1]], (
        f"when the backoff sleep started, closed upstream bodies were {sleep.probes[0] if sleep.probes else '?'}"
        ", expected [1]: you slept while still holding the failed response (and its pooled connection). "
        "Keep the retry loop outside the response; close it, then sleep."
    )


async def test_only_the_stream_itself_is_requested() -> None:
    def script(request: httpx.Request, n: int) -> object:
        return 200 if request.url.path == "/v1/models" else THREE

    vendor, sleep, got = StreamingVendor(script), SleepSpy(), []
    await _collect(vendor, sleep, got)
    paths = [r.url.path for r in vendor.requests]
    assert paths == [STREAM_PATH], (
        f"expected exactly one request, to {STREAM_PATH}; the vendor saw {paths}. A pre-flight health check "
        "doubles vendor traffic and proves nothing about the next request (a check-then-act race)."
    )
    assert got == ["Hel", "lo", "!"]
