"""Tests for streaming_gateway: refuse before the first byte, relay honestly, and tell the breaker exactly
once what each stream said about the vendor."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from katakit.testkit import (
    Answer,
    FakeClock,
    StreamCall,
    StreamingVendor,
    sse_data,
    sse_events,
    start_stream,
    virtual_guard,
)
from katas.safe_calls.guarded_streams.slot_held_sse import StreamSlots
from katas.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker, State
from katas.safe_calls.stream_fan_in.streaming_gateway import StreamAdmission, classify_stream, create_app

pytestmark = pytest.mark.looptime

UPSTREAM = "https://vendor.test/v1/chat/completions"
PATH = "/v1/chat/stream"
PROMPT = {"messages": [{"role": "user", "content": "hi"}]}


def tokens(n: int, gap: float = 1.0) -> Answer:
    return Answer(chunks=[*[(gap, sse_data({"delta": f"t{i}"})) for i in range(n)], (0, "data: [DONE]\n\n")])


class Gateway:
    """The app under test with its collaborators, built inside the test's loop."""

    def __init__(
        self,
        script: list[object],
        *,
        breaker: CircuitBreaker | None = None,
        max_active: int = 10,
        slots: int = 10,
        queue_timeout_s: float = 5,
        idle_s: float = 10,
    ) -> None:
        self.vendor = StreamingVendor(script)
        self.clock = FakeClock()
        self.breaker = breaker or CircuitBreaker(
            failure_threshold=1, success_threshold=2, open_s=60, clock=self.clock
        )
        self.admission = StreamAdmission(max_active, retry_after_s=2)
        self.slots = StreamSlots(slots, queue_timeout_s=queue_timeout_s)
        self.idle_s = idle_s

    async def __aenter__(self) -> Gateway:
        self.upstream = self.vendor.client()
        self.app = create_app(
            upstream=self.upstream,
            upstream_url=UPSTREAM,
            breaker=self.breaker,
            admission=self.admission,
            slots=self.slots,
            idle_s=self.idle_s,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.upstream.aclose()

    def call(self, **kwargs: object) -> StreamCall:
        return start_stream(self.app, "POST", PATH, json_body=PROMPT, **kwargs)

    def half_open(self) -> None:
        self.breaker.record_failure()  # failure_threshold=1: OPEN
        self.clock.advance(60)
        assert self.breaker.state is State.HALF_OPEN


async def _whole(call: StreamCall) -> bytes:
    await call.start()
    return await call.read_rest()


@pytest.mark.parametrize(
    ("kwargs", "want"),
    [
        ({"items": 3, "completed": True, "error": None, "client_gone": False}, "success"),
        ({"items": 0, "completed": True, "error": None, "client_gone": False}, "success"),
        ({"items": 0, "completed": False, "error": httpx.ConnectError("x"), "client_gone": False}, "failure"),
        ({"items": 5, "completed": False, "error": httpx.ReadError("x"), "client_gone": False}, "failure"),
        ({"items": 5, "completed": False, "error": TimeoutError(), "client_gone": False}, "failure"),
        ({"items": 2, "completed": False, "error": None, "client_gone": True}, "neutral"),
    ],
)
def test_classify_stream(kwargs: dict[str, object], want: str) -> None:
    got = classify_stream(**kwargs)  # type: ignore[arg-type]
    assert got == want, (
        f"{kwargs}: expected {want!r}, got {got!r}. A finished answer is a success whatever its length; an "
        "upstream error or stall is a failure before or after the first item; a client leaving is neutral."
    )


async def test_open_breaker_refuses_before_the_first_byte() -> None:
    async with Gateway([tokens(3)]) as gw, virtual_guard():
        gw.breaker.record_failure()
        gw.clock.advance(15.5)
        call = gw.call()
        status = await call.start()
        await call.read_rest()
    assert status == 503 and call.headers.get("retry-after") == "45", (
        f"the breaker is open (15.5 of 60 s passed, 44.5 s left): expected a real 503 with Retry-After: 45 "
        f"(whole seconds, rounded up, so the client never comes back before the breaker half-opens) before "
        f"any stream starts; got {status}, headers {call.headers}. Check the breaker in a dependency: inside "
        "the generator the 200 is already sent."
    )
    assert gw.vendor.calls == 0, (
        f"an open breaker must not call the upstream; it was called {gw.vendor.calls}x"
    )
    assert gw.admission.active == 0 and gw.slots.in_use == 0


async def test_an_open_breaker_refuses_without_waiting_for_a_slot() -> None:
    async with Gateway([tokens(60)], slots=1, queue_timeout_s=5) as gw, virtual_guard():
        holder = gw.call()
        assert await holder.start() == 200
        gw.breaker.record_failure()  # the vendor just failed elsewhere: failure_threshold=1, OPEN for 60 s
        refused = gw.call()
        status = await refused.start()
        at = asyncio.get_running_loop().time()
        await refused.read_rest()
        await holder.close()
    assert (status, refused.headers.get("retry-after"), at) == (503, "60", pytest.approx(0.0)), (
        f"the breaker is open and the only slot is busy: expected the breaker's 503 at once, with Retry-After: "
        f"60; got {status} with Retry-After {refused.headers.get('retry-after')!r} at t={at:g}. Ask the "
        "breaker (cheap, instant) before waiting for a slot: a request the breaker will refuse must not sit "
        "in the slot queue for queue_timeout_s first."
    )


async def test_two_short_complete_answers_close_a_half_open_breaker() -> None:
    async with Gateway([tokens(3), tokens(3)]) as gw, virtual_guard():
        gw.half_open()
        body = await _whole(gw.call())
        assert body.decode().count("[DONE]") == 1
        assert gw.breaker.state is State.HALF_OPEN, (
            f"ONE complete answer in half-open (success_threshold=2) must leave the breaker HALF_OPEN; it is "
            f"{gw.breaker.state}. Each stream is recorded exactly once: a record in the body generator plus "
            "one in the dependency counts every success (and failure) twice."
        )
        body = await _whole(gw.call())
        assert body.decode().count("[DONE]") == 1
    assert gw.breaker.state is State.CLOSED, (
        f"two complete 3-token answers in half-open (success_threshold=2) must close the breaker; it is "
        f"{gw.breaker.state}. A finished stream is a success however short it is (the note's min_chunks "
        "rule keeps a recovered vendor locked out)."
    )


async def test_idle_stall_is_a_breaker_failure() -> None:
    stall = Answer(chunks=[(1, sse_data({"delta": "t0"}))], hang=True)
    async with Gateway([stall], idle_s=10) as gw, virtual_guard():
        body = await _whole(gw.call())
        now = asyncio.get_running_loop().time()
    events = sse_events(body)
    assert [(e.get("event"), e["data"]) for e in events][-1][0] == "error", (
        f"expected an error event last; {events}"
    )
    assert json.loads(events[-1]["data"]) == {"code": "upstream_idle"} and "[DONE]" not in body.decode()
    assert now == pytest.approx(11.0), (
        f"the stall should end the stream idle_s=10 after the last token; {now:g}"
    )
    assert gw.breaker.state is State.OPEN, (
        f"an upstream that stalls mid-stream is unhealthy: that is a breaker failure (failure_threshold=1 → "
        f"OPEN); the breaker is {gw.breaker.state}"
    )
    assert gw.vendor.open_bodies == 0


async def test_client_disconnect_is_neutral_and_releases_everything() -> None:
    async with Gateway([tokens(60), tokens(1)]) as gw, virtual_guard():
        gw.half_open()
        call = gw.call()
        await call.start()
        await call.next_chunk()
        await call.close()  # the user closed the tab: the probe stream is abandoned
        after = (gw.breaker.state, gw.admission.active, gw.slots.in_use, gw.vendor.open_bodies)
        probe = gw.call()
        probe_status = await probe.start()
        await probe.read_rest()
    assert after == (State.HALF_OPEN, 0, 0, 0), (
        f"after the client left: expected breaker still HALF_OPEN (a disconnect says nothing about the vendor), "
        f"admission 0, slots 0, upstream closed; got (state, active, in_use, open upstreams) = {after}"
    )
    assert probe_status == 200, (
        f"the abandoned probe must give its half-open probe slot back (record_neutral), so the next request "
        f"can probe; it got {probe_status}. CancelledError is not an Exception: record in a `finally` that "
        "always runs (a yield-dependency's)."
    )


async def test_long_healthy_stream_outlives_the_queue_timeout() -> None:
    async with Gateway([tokens(60)], queue_timeout_s=5) as gw, virtual_guard():
        body = await _whole(gw.call())
        now = asyncio.get_running_loop().time()
    data = [e["data"] for e in sse_events(body)]
    assert len(data) == 61 and data[-1] == "[DONE]" and now == pytest.approx(60.0), (
        f"a 60 s stream must complete (60 tokens and [DONE] at t=60) even though the slot queue timeout is "
        f"5 s; got {len(data)} events ending at {now:g}. The queue timeout bounds the wait for a slot, never "
        "the stream."
    )


async def test_admission_counts_active_streams_and_refuses_when_full() -> None:
    broken = Answer(chunks=[(1, sse_data({"delta": "t0"})), (1, httpx.ReadError("reset"))])
    async with Gateway([tokens(3), broken, tokens(60), tokens(3)], max_active=1) as gw, virtual_guard():
        first = gw.call()
        await first.start()
        second = gw.call()
        refused = await second.start()
        await second.read_rest()
        await first.read_rest()
        after_completion = gw.admission.active
        await _whole(gw.call())
        after_error = gw.admission.active
        third = gw.call()
        await third.start()
        await third.next_chunk()
        await third.close()
        after_disconnect = gw.admission.active
    assert refused == 503 and second.headers.get("retry-after") == "2", (
        f"max_active=1 with one stream running: the second request must get 503 with Retry-After at once; "
        f"got {refused}, headers {second.headers}"
    )
    assert (after_completion, after_error, after_disconnect) == (0, 0, 0), (
        f"admission must count down after completion, after an upstream error and after a disconnect; got "
        f"{(after_completion, after_error, after_disconnect)}"
    )


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (
            Answer(
                chunks=[(1, sse_data({"delta": "t0"})), (1, httpx.RemoteProtocolError("10.0.3.7 closed"))]
            ),
            "upstream_error",
        ),
        (Answer(status=502, chunks=[(0, '{"error": "internal: db-primary down"}')]), "upstream_status"),
    ],
    ids=["broken_mid_stream", "status_502"],
)
async def test_error_events_carry_codes_not_exception_text(answer: Answer, code: str) -> None:
    async with Gateway([answer]) as gw, virtual_guard():
        body = await _whole(gw.call())
    events = sse_events(body)
    errors = [e for e in events if e.get("event") == "error"]
    assert len(errors) == 1 and json.loads(errors[0]["data"]) == {"code": code}, (
        f"expected exactly one error event with data {{'code': {code!r}}}; got {events!r}. Stable codes let "
        "clients react; exception text leaks hosts and internals."
    )
    assert events[-1] is errors[0] and "[DONE]" not in body.decode()
    assert gw.breaker.state is State.OPEN, (
        f"an upstream failure is a breaker failure; breaker {gw.breaker.state}"
    )


async def test_half_open_admits_one_probe_stream_at_a_time() -> None:
    async with Gateway([tokens(5), tokens(1)]) as gw, virtual_guard():
        gw.half_open()
        probe = gw.call()
        assert await probe.start() == 200
        second = gw.call()
        second_status = await second.start()
        await second.read_rest()
        await probe.read_rest()
    assert second_status == 503, (
        f"half-open with one probe allowed: a second stream during the probe must get 503; got {second_status}"
    )
    assert gw.vendor.calls == 1, f"only the probe may reach the vendor; it was called {gw.vendor.calls}x"
