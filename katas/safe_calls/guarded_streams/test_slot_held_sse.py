"""Tests for slot_held_sse: the slot is held exactly as long as the stream, and comes back on every ending.

The life of one slot, as these tests check it:

    request arrives ── wait for a slot (at most queue_timeout_s, else 503) ── slot taken
    200 + headers ── token ── token ── ... ── [DONE] / error event / client gone ── slot released
                     └──────────── in_use == 1 the whole time ────────────┘

Most tests drive the app with `start_stream` (katakit/testkit/asgi.py), a raw ASGI client that sees every
body message as it is sent and can really disconnect, in the test's own loop (so looptime applies).
httpx.ASGITransport would not do: it buffers the whole response and cannot leave early.
"""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from fastapi.testclient import TestClient

from katakit.testkit import Answer, StreamingVendor, sse_data, sse_events, start_stream, virtual_guard
from katas.safe_calls.guarded_streams.slot_held_sse import StreamSlots, create_app

UPSTREAM = "https://vendor.test/v1/chat/completions"
PATH = "/v1/chat/stream"
PROMPT = {"messages": [{"role": "user", "content": "hi"}]}


def tokens(n: int, gap: float = 1.0) -> Answer:
    """n data events, one every `gap` seconds, then the upstream's own [DONE]."""
    chunks = [(gap, sse_data({"delta": f"t{i}"})) for i in range(n)]
    return Answer(chunks=[*chunks, (0, "data: [DONE]\n\n")])


def _now() -> float:
    return asyncio.get_running_loop().time()


def _json_or_text(data: str | None) -> object:
    """An event's data parsed as JSON, or the raw text when it is not JSON (such as [DONE])."""
    try:
        return json.loads(data) if data is not None else None
    except ValueError:
        return data


@pytest.mark.looptime
async def test_slot_is_held_for_the_whole_stream() -> None:
    vendor = StreamingVendor([tokens(3)])
    slots = StreamSlots(2, queue_timeout_s=5)
    async with vendor.client() as upstream, virtual_guard():
        app = create_app(slots=slots, upstream=upstream, upstream_url=UPSTREAM)
        assert slots.in_use == 0, f"no request yet, but in_use={slots.in_use}"
        call = start_stream(app, "POST", PATH, json_body=PROMPT)
        assert await call.start() == 200
        first = await call.next_chunk()  # token 1 of 3, at loop time 1
        assert vendor.calls == 1, (
            f"the client got {first!r} at loop time {_now():g}, and the upstream had not even been called: the "
            "endpoint is stuck before it reaches the vendor. The classic cause is reading the body inside the "
            "stream with `await request.json()`: on an ASGI 2.3 server (uvicorn) Starlette's streaming response "
            "listens for the client's disconnect on `receive()`, that listener takes the request-body message, "
            "and `request.json()` then waits for a body that never comes (the pings are FastAPI's keepalive). "
            "Declare the body as a parameter of the path operation, `payload: dict[str, Any]`: FastAPI reads it "
            "before the response starts."
        )
        assert _now() == pytest.approx(1.0), (
            f"the first token left the upstream at loop time 1 but reached the client at {_now():g}: relay "
            "each upstream line as it arrives, do not collect the answer first."
        )
        assert b"t0" in first
        assert slots.in_use == 1, (
            f"between chunk 1 and chunk 2 the stream is still running, so its slot must be held; "
            f"in_use={slots.in_use}. A slot released when the endpoint returns (`async with sem: return "
            "StreamingResponse(...)`, or a dependency with scope='function') is free while the upstream "
            "stream it was meant to limit is still open."
        )
        rest = await call.read_rest()
    assert slots.in_use == 0, f"the stream has ended: the slot must be free again; in_use={slots.in_use}"
    sent = json.loads(vendor.requests[0].content)
    assert sent == {**PROMPT, "stream": True}, (
        f'the upstream must get the client\'s JSON body plus `"stream": true`; it got {sent!r}'
    )
    data = [e.get("data") for e in sse_events(first + rest)]
    assert data == ['{"delta": "t0"}', '{"delta": "t1"}', '{"delta": "t2"}', "[DONE]"], (
        f"expected the three upstream payloads relayed as they are, then one [DONE]; got {data!r}"
    )


@pytest.mark.looptime
async def test_full_pod_answers_503_at_the_queue_timeout() -> None:
    vendor = StreamingVendor([tokens(20)])
    slots = StreamSlots(1, queue_timeout_s=5, retry_after_s=7)
    async with vendor.client() as upstream, virtual_guard():
        app = create_app(slots=slots, upstream=upstream, upstream_url=UPSTREAM)
        first = start_stream(app, "POST", PATH, json_body=PROMPT)
        assert await first.start() == 200
        second = start_stream(app, "POST", PATH, json_body=PROMPT)
        status = await second.start()
        waited = _now()
        body = await second.read_rest()
        await first.close()
    assert not (status == 200 and waited > 5.0 + 1e-3), (
        f"the only slot was busy, and the second request waited {waited:g} s for it (queue_timeout_s=5) "
        "before it was let in with 200: the wait for a slot has no bound. A full pod must answer a fast 503 "
        "the caller can retry elsewhere, not queue until a stream ends: wrap the acquire in "
        "`asyncio.timeout(queue_timeout_s)` and turn its TimeoutError into the 503. "
        "(Depends(max_concurrency=...) alone queues without any bound.)"
    )
    assert status == 503, (
        f"the only slot was busy for longer than queue_timeout_s: expected a real 503; got {status} at loop "
        f"time {waited:g} with body {body!r}. Admission must be decided in a dependency, before the response "
        "starts: once the 200 and its headers are sent (inside the generator), the status can no longer change."
    )
    assert waited == pytest.approx(5.0), (
        f"the 503 should come when the queue timeout (5 s) runs out; it came at loop time {waited:g}."
    )
    assert second.headers.get("retry-after") == "7", f"expected Retry-After: 7; headers {second.headers}"
    assert vendor.calls == 1, (
        f"the rejected request must not reach the upstream; it was called {vendor.calls}x"
    )


@pytest.mark.looptime
async def test_a_rejected_request_gives_back_nothing() -> None:
    vendor = StreamingVendor([tokens(20), tokens(1)])
    slots = StreamSlots(1, queue_timeout_s=2)
    async with vendor.client() as upstream, virtual_guard():
        app = create_app(slots=slots, upstream=upstream, upstream_url=UPSTREAM)
        first = start_stream(app, "POST", PATH, json_body=PROMPT)
        assert await first.start() == 200
        rejected = start_stream(app, "POST", PATH, json_body=PROMPT)
        assert await rejected.start() == 503, "the only slot is busy for 20 s: expected 503 after 2 s"
        await rejected.read_rest()
        in_use_after_reject = slots.in_use
        third = start_stream(app, "POST", PATH, json_body=PROMPT)
        status = await third.start()
        at = _now()
        await third.read_rest()
        await first.close()
    assert in_use_after_reject == 1, (
        f"one stream is running and one request was turned away with 503: expected in_use == 1; got "
        f"{in_use_after_reject}. A request that never got a slot must not be counted as holding one."
    )
    assert (status, at) == (503, pytest.approx(4.0)), (
        f"the first stream still holds the only slot, so a third request must wait its 2 s and get 503 at "
        f"loop time 4; it got {status} at {at:g}. The 503 path never acquired, so it must not release: an "
        "extra release() on an asyncio.Semaphore is accepted silently and raises the cap by one for every "
        "rejection. Keep the bounded acquire outside the try/finally that releases."
    )
    assert vendor.calls == 1, f"only the first request may reach the upstream; it was called {vendor.calls}x"


@pytest.mark.looptime
async def test_waiting_request_gets_the_slot_when_it_frees() -> None:
    vendor = StreamingVendor([tokens(3), tokens(2)])
    slots = StreamSlots(1, queue_timeout_s=5)
    async with vendor.client() as upstream, virtual_guard():
        app = create_app(slots=slots, upstream=upstream, upstream_url=UPSTREAM)
        first = start_stream(app, "POST", PATH, json_body=PROMPT)
        assert await first.start() == 200
        second = start_stream(app, "POST", PATH, json_body=PROMPT)
        status = await second.start()
        admitted = _now()
        await first.read_rest()
        await second.read_rest()
    assert status == 200 and admitted == pytest.approx(3.0), (
        f"the first stream ended at loop time 3, inside the second request's 5 s queue timeout: expected "
        f"200 at 3; got {status} at {admitted:g}"
    )
    assert slots.in_use == 0 and vendor.calls == 2


@pytest.mark.looptime
async def test_client_disconnect_releases_the_slot_and_closes_the_upstream() -> None:
    vendor = StreamingVendor([tokens(60)])
    slots = StreamSlots(1, queue_timeout_s=5)
    async with vendor.client() as upstream, virtual_guard():
        app = create_app(slots=slots, upstream=upstream, upstream_url=UPSTREAM)
        call = start_stream(app, "POST", PATH, json_body=PROMPT)
        await call.start()
        await call.next_chunk()
        await call.next_chunk()
        await call.close()  # the client goes away after 2 of 60 tokens
        in_use, closed = slots.in_use, vendor.closed_bodies
    assert in_use == 0, (
        f"the client disconnected mid-stream; by the time the app has finished with the request the slot "
        f"must be back; in_use={in_use}. Release it in the dependency's `finally`, which FastAPI (>= 0.118) "
        "runs after the response, however it ended."
    )
    assert closed == [1], (
        "the upstream response is still open after the client left: the vendor keeps generating (and "
        "billing) tokens nobody reads. Keep `async with upstream.stream(...)` around the relay loop."
    )


@pytest.mark.looptime
@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (
            Answer(chunks=[(1, sse_data({"delta": "t0"})), (1, httpx.ReadError("secret-host:443 reset"))]),
            "upstream_error",
        ),
        (Answer(status=500, chunks=[(0, '{"error": "db password wrong"}')]), "upstream_status"),
    ],
    ids=["broken_mid_stream", "status_500"],
)
async def test_upstream_failure_becomes_one_error_event(answer: Answer, code: str) -> None:
    vendor = StreamingVendor([answer])
    slots = StreamSlots(1, queue_timeout_s=5)
    async with vendor.client() as upstream, virtual_guard():
        app = create_app(slots=slots, upstream=upstream, upstream_url=UPSTREAM)
        call = start_stream(app, "POST", PATH, json_body=PROMPT)
        await call.start()
        body = await call.read_rest()
    events = sse_events(body)
    errors = [e for e in events if e.get("event") == "error"]
    assert len(errors) == 1 and events[-1] is errors[0], (
        f"expected exactly one `event: error`, as the last event; got {events!r}"
    )
    assert _json_or_text(errors[0].get("data")) == {"code": code}, (
        f"expected the error data {{'code': {code!r}}} and nothing else; got {errors[0]['data']!r}. Stable "
        "codes let clients react; exception text (hosts, secrets) must never reach them."
    )
    assert "[DONE]" not in body.decode(), "[DONE] means 'complete'; a failed stream must not send it"
    assert slots.in_use == 0, f"the stream failed: its slot must be released; in_use={slots.in_use}"


@pytest.mark.looptime
async def test_silent_upstream_becomes_an_idle_error() -> None:
    pings = Answer(chunks=[(0, ": ping\n\n")] * 1 + [(3, ": ping\n\n")] * 100)
    vendor = StreamingVendor([pings])
    slots = StreamSlots(1, queue_timeout_s=5)
    async with vendor.client() as upstream, virtual_guard():
        app = create_app(slots=slots, upstream=upstream, upstream_url=UPSTREAM, idle_s=10)
        # A finite answer: httpx.ASGITransport is fine for checking the final body (it buffers it all).
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://app") as client:
            response = await client.post(PATH, json=PROMPT)
    events = sse_events(response.content)
    got = [(e.get("event"), _json_or_text(e.get("data"))) for e in events]
    assert got == [("error", {"code": "upstream_idle"})], (
        f"the upstream only pinged, never sent data, for longer than idle_s=10: expected one error event "
        f"with code 'upstream_idle' and nothing else; got {events!r}. Keepalive pings are not progress: "
        "wrap the upstream lines in `with_deadlines(..., idle_s=idle_s, is_progress=...)` and turn its "
        "StreamTimeout into that event (then no [DONE])."
    )
    assert _now() == pytest.approx(10.0), (
        f"the idle error should end the stream at loop time 10, not {_now():g}"
    )
    assert slots.in_use == 0 and vendor.closed_bodies == [1]


@pytest.mark.looptime
@pytest.mark.parametrize("spec_version", ["2.3", "2.4"])
async def test_client_lost_while_headers_are_written_releases_the_slot(spec_version: str) -> None:
    vendor = StreamingVendor([tokens(60)])
    slots = StreamSlots(1, queue_timeout_s=5)
    async with vendor.client() as upstream, virtual_guard():
        app = create_app(slots=slots, upstream=upstream, upstream_url=UPSTREAM)
        call = start_stream(
            app, "POST", PATH, json_body=PROMPT, block_on_start=True, spec_version=spec_version
        )
        await asyncio.sleep(3.5)  # the upstream is producing; the client never gets the headers
        await call.close()
        in_use = slots.in_use
    assert in_use == 0, (
        f"the client vanished before the response headers were written; the slot leaked (in_use={in_use}). "
        "With a hand-made StreamingResponse(body()), the body generator never started, so its `finally` never "
        "runs: release from the yield-dependency, which FastAPI resumes after the response however it ended."
    )


@pytest.mark.looptime
async def test_disconnect_under_asgi_2_4_releases_the_slot_without_gc() -> None:
    vendor = StreamingVendor([tokens(60)])
    slots = StreamSlots(1, queue_timeout_s=5)
    async with vendor.client() as upstream, virtual_guard():
        app = create_app(slots=slots, upstream=upstream, upstream_url=UPSTREAM)
        call = start_stream(app, "POST", PATH, json_body=PROMPT, spec_version="2.4")
        await call.start()
        await call.next_chunk()
        await call.close()  # under ASGI 2.4 the app learns of it when its next send() raises OSError
        in_use = slots.in_use
    assert in_use == 0, (
        f"under ASGI spec 2.4 Starlette does not cancel the body on disconnect: the next send() fails and a "
        f"hand-made StreamingResponse's body generator is left suspended at `yield`, so a slot released in "
        f"its `finally` stays taken until garbage collection; in_use={in_use}. Release it in the dependency."
    )


def test_testclient_leaving_the_stream_early_frees_the_slot() -> None:
    # Starlette >= 1.9: TestClient streams, and leaving `client.stream()` early cancels the app and waits
    # for it to finish. No looptime here (the app runs in the TestClient's portal thread, in its own loop),
    # so the upstream is held by a gate instead of a delay: it sends one token, then waits.
    gate = asyncio.Event()
    vendor = StreamingVendor(
        [Answer(chunks=[(0, sse_data({"delta": "t0"})), (0, gate), (0, sse_data("late"))])]
    )
    slots = StreamSlots(1, queue_timeout_s=5)
    upstream = vendor.client()
    with TestClient(create_app(slots=slots, upstream=upstream, upstream_url=UPSTREAM)) as client:
        try:
            with client.stream("POST", PATH, json=PROMPT) as response:
                assert response.status_code == 200
                first = next(line for line in response.iter_lines() if line.startswith("data:"))
                assert "t0" in first and slots.in_use == 1, (first, slots.in_use)
            in_use, closed = slots.in_use, vendor.closed_bodies
        finally:
            client.portal.call(upstream.aclose)
    assert in_use == 0 and closed == [1], (
        f"after leaving `client.stream()` early the slot must be free and the upstream closed; got "
        f"in_use={in_use}, closed upstream bodies {closed}"
    )


async def _contend_for_one_slot() -> int:
    """Two requests for one slot: the second waits while the first streams, then gets in. Driven by a
    gate, not by time, so it also runs in a plain event loop. Returns the second request's status."""
    gate = asyncio.Event()
    vendor = StreamingVendor([Answer(chunks=[(0, sse_data({"delta": "t0"})), (0, gate)]), tokens(1, gap=0)])
    async with vendor.client() as upstream:
        app = create_app(slots=StreamSlots(1, queue_timeout_s=5), upstream=upstream, upstream_url=UPSTREAM)
        first = start_stream(app, "POST", PATH, json_body=PROMPT)
        await first.start()
        await first.next_chunk()
        second = start_stream(app, "POST", PATH, json_body=PROMPT)
        for _ in range(100):  # let the second request reach the slot and wait there
            await asyncio.sleep(0)
        gate.set()
        await first.read_rest()
        status = await second.start()
        await second.read_rest()
        return status


async def test_each_app_builds_its_own_primitives() -> None:
    here = await _contend_for_one_slot()
    there = await asyncio.to_thread(asyncio.run, _contend_for_one_slot())  # a second app, in a new loop
    assert (here, there) == (200, 200), (
        f"two apps, each in its own event loop (two tests, two workers, a reload), each had a request wait "
        f"for a slot; statuses {here} and {there}, expected 200 and 200. An asyncio primitive binds to the "
        "loop it is first waited on in ('... is bound to a different event loop'): create the semaphore "
        "per StreamSlots instance, never at module or class level."
    )


@pytest.mark.looptime
async def test_sse_headers() -> None:
    vendor = StreamingVendor([tokens(1)])
    async with vendor.client() as upstream, virtual_guard():
        app = create_app(slots=StreamSlots(1, queue_timeout_s=5), upstream=upstream, upstream_url=UPSTREAM)
        call = start_stream(app, "POST", PATH, json_body=PROMPT)
        await call.start()
        await call.read_rest()
    got = {k: call.headers.get(k) for k in ("content-type", "cache-control", "x-accel-buffering")}
    assert got["content-type"] is not None and got["content-type"].startswith("text/event-stream"), got
    assert (got["cache-control"], got["x-accel-buffering"]) == ("no-cache", "no"), (
        f"proxies must not buffer or cache an event stream: expected Cache-Control: no-cache and "
        f"X-Accel-Buffering: no (FastAPI's EventSourceResponse sets both); got {got}"
    )
