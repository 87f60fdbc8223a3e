"""Tests for resumable_stream: reconnect with Last-Event-ID, honour retry:, deliver each id once, and
know when to stop."""

from __future__ import annotations

import json

import httpx
import pytest

from katakit.testkit import Answer, SleepSpy, StreamingVendor, virtual_guard
from katas.safe_calls.stream_fan_in.resumable_stream import StreamInterrupted, resuming_events

pytestmark = pytest.mark.looptime

URL = "https://events.test/v1/runs/42/events"


class ResumableUpstream:
    """A server of six events (ids "0".."5", data {"n": i}, one per second) that honours Last-Event-ID.

    Connection k sends events from just after the client's Last-Event-ID (from the one before it, with
    `replay_last`), and breaks the connection (RemoteProtocolError) after `breaks[k]` events, or goes
    silent after them when `stall` is set; connections beyond the script send the rest and end.
    """

    def __init__(
        self,
        breaks: list[int],
        *,
        replay_last: bool = False,
        stall: bool = False,
        retry_ms: int | None = None,
        pings: bool = False,
    ) -> None:
        self.breaks, self.replay_last, self.stall, self.retry_ms, self.pings = (
            breaks,
            replay_last,
            stall,
            retry_ms,
            pings,
        )
        self.vendor = StreamingVendor(self.answer)

    def answer(self, request: httpx.Request, n: int) -> Answer:
        last = request.headers.get("last-event-id")
        start = 0 if last is None else int(last) + (0 if self.replay_last else 1)
        count = self.breaks[n - 1] if n <= len(self.breaks) else 6 - start
        chunks: list[tuple[float, object]] = []
        if self.retry_ms is not None:
            chunks.append((0, f"retry: {self.retry_ms}\n"))
        for i in range(start, min(6, start + count)):
            if self.pings:
                chunks.append((0.5, ": ping\n\n"))
                chunks.append((0, "\n"))
            chunks.append((1, f"id: {i}\ndata: {json.dumps({'n': i})}\n\n"))
        broken = n <= len(self.breaks)
        if broken and not self.stall:
            chunks.append(
                (
                    0.5,
                    httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
                )
            )
        return Answer(chunks=chunks, hang=broken and self.stall)


async def _follow(
    upstream: ResumableUpstream | StreamingVendor, **kwargs: object
) -> tuple[list[str], SleepSpy]:
    vendor = upstream.vendor if isinstance(upstream, ResumableUpstream) else upstream
    sleep = SleepSpy()
    got: list[str] = []
    async with vendor.client() as client, virtual_guard():
        async for event in resuming_events(client, URL, sleep=sleep, **kwargs):  # type: ignore[arg-type]
            got.append(event.id or "?")
    return got, sleep


def _ids(vendor: StreamingVendor) -> list[str | None]:
    return [r.headers.get("last-event-id") for r in vendor.requests]


async def test_reconnects_resume_after_the_last_event() -> None:
    upstream = ResumableUpstream(breaks=[2, 3])
    got, _ = await _follow(upstream)
    assert _ids(upstream.vendor) == [None, "1", "4"], (
        f"the first connection broke after events 0-1 and the second after 2-4: the reconnects must send "
        f"Last-Event-ID 1, then 4; the server saw {_ids(upstream.vendor)}. Without it the server starts over."
    )
    assert got == ["0", "1", "2", "3", "4", "5"], f"all six events exactly once, in order; got {got}"
    assert upstream.vendor.open_bodies == 0, "every connection must be closed"


async def test_server_retry_field_sets_the_reconnect_delay() -> None:
    upstream = ResumableUpstream(breaks=[2], retry_ms=2000)
    got, sleep = await _follow(upstream, default_retry_s=1.0)
    assert sleep.delays == [2.0], (
        f"the server sent `retry: 2000`: wait 2.0 s before reconnecting (not the default 1.0); slept "
        f"{sleep.delays}"
    )
    assert got == ["0", "1", "2", "3", "4", "5"]


async def test_a_replayed_event_is_not_delivered_twice() -> None:
    upstream = ResumableUpstream(breaks=[3], replay_last=True)
    got, _ = await _follow(upstream)
    assert got == ["0", "1", "2", "3", "4", "5"], (
        f"after the reconnect the server replayed event 2, which the caller already has: deliver each id "
        f"once; got {got}"
    )


async def test_too_many_failures_in_a_row_give_up_with_progress() -> None:
    upstream = ResumableUpstream(breaks=[2, 0, 0, 0, 0])
    sleep = SleepSpy()
    got: list[str] = []
    async with upstream.vendor.client() as client, virtual_guard():
        with pytest.raises(StreamInterrupted) as caught:
            async for event in resuming_events(client, URL, max_resumes=2, sleep=sleep):
                got.append(event.id or "?")
    err = caught.value
    assert (err.last_event_id, err.delivered) == ("1", 2), (
        f"the caller got events 0 and 1 before the stream kept failing: expected "
        f"StreamInterrupted(last_event_id='1', delivered=2, ...); got ({err.last_event_id!r}, {err.delivered})"
    )
    assert isinstance(err.cause, httpx.RemoteProtocolError), (
        f"cause should be the last failure; got {err.cause!r}"
    )
    assert upstream.vendor.calls == 3 and len(sleep.delays) == 2, (
        f"max_resumes=2: the first connection plus 2 reconnects, then give up (no endless loop): expected 3 "
        f"connections and 2 sleeps; got {upstream.vendor.calls} and {len(sleep.delays)}"
    )


@pytest.mark.parametrize(("status", "outcome"), [(204, "ends"), (404, "raises")])
async def test_status_on_reconnect_stops_resuming(status: int, outcome: str) -> None:
    first = ResumableUpstream(breaks=[2])
    vendor = StreamingVendor(lambda request, n: first.answer(request, n) if n == 1 else status)
    got: list[str] = []
    async with vendor.client() as client, virtual_guard():
        stream = resuming_events(client, URL, sleep=SleepSpy())
        if outcome == "ends":
            got = [event.id or "?" async for event in stream]
        else:
            with pytest.raises(httpx.HTTPStatusError):
                async for event in stream:
                    got.append(event.id or "?")
    assert got == ["0", "1"] and vendor.calls == 2, (
        f"the reconnect was answered {status}: "
        + (
            "204 means 'do not reconnect' (SSE standard): end cleanly"
            if status == 204
            else "a 404 will not heal: raise it"
        )
        + f", with no further attempt. Got events {got} and {vendor.calls} connections."
    )


async def test_silent_upstream_is_resumed() -> None:
    upstream = ResumableUpstream(breaks=[2], stall=True)
    got, _ = await _follow(upstream, idle_s=5)
    assert got == ["0", "1", "2", "3", "4", "5"] and _ids(upstream.vendor) == [None, "1"], (
        f"the first connection went silent after event 1: after idle_s=5 treat it as broken and resume "
        f"from event 1; got {got}, Last-Event-IDs {_ids(upstream.vendor)}"
    )
    assert upstream.vendor.open_bodies == 0, "the stalled connection must be closed before reconnecting"


async def test_progress_resets_the_failure_count() -> None:
    upstream = ResumableUpstream(breaks=[1, 1, 1, 1, 1])
    got, _ = await _follow(upstream, max_resumes=2)
    assert got == ["0", "1", "2", "3", "4", "5"], (
        f"five breaks, but each after a new event: the stream makes progress, so max_resumes=2 (failures "
        f"*in a row*) must not stop it; got {got}"
    )


async def test_comments_and_blank_lines_are_not_events() -> None:
    upstream = ResumableUpstream(breaks=[], pings=True)
    sleep = SleepSpy()
    async with upstream.vendor.client() as client, virtual_guard():
        events = [e async for e in resuming_events(client, URL, sleep=sleep)]
    assert [json.loads(e.data) for e in events] == [{"n": i} for i in range(6)], (
        f"`: ping` comments and blank lines are keepalives, not events (and not JSON): expected the six "
        f"data payloads; got {[e.data for e in events]}"
    )
