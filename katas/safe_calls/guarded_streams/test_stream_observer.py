"""Tests for stream_observer: pass items through, time them on the injected clock, report each ending once."""

from __future__ import annotations

import asyncio
from contextlib import aclosing

import pytest

from katakit.testkit import ScriptedSource, virtual_guard
from katas.safe_calls.guarded_streams.stream_observer import ActiveStreams, StreamReport, observe

pytestmark = pytest.mark.looptime


def _observed(source: ScriptedSource[str], gauge: ActiveStreams | None = None):
    reports: list[StreamReport] = []
    stream = observe(
        source, clock=asyncio.get_running_loop().time, report=reports.append, gauge=gauge or ActiveStreams()
    )
    return stream, reports


def _once(reports: list[StreamReport]) -> StreamReport:
    assert len(reports) == 1, (
        f"report must be called exactly once per stream, however it ended; it was called {len(reports)} "
        f"times: {reports!r}. Decide the outcome in one place (a single `finally`) and report there."
    )
    return reports[0]


async def test_completed_stream_is_reported_with_its_timings() -> None:
    source = ScriptedSource([(1, "a"), (1, "b"), (1, "c")])
    stream, reports = _observed(source)
    async with virtual_guard():
        got = [item async for item in stream]
    assert got == ["a", "b", "c"], f"items must pass through unchanged and in order; got {got!r}"
    report = _once(reports)
    want = StreamReport("completed", 1.0, 3.0, 3)
    assert report == want, (
        f"items arrived at loop time 1, 2 and 3, so expected {want!r}; got {report!r}. Time the stream with "
        "the injected `clock` (here the event loop's clock), starting when the first item is requested."
    )


async def test_timing_starts_at_the_first_read() -> None:
    source = ScriptedSource([(1, "a"), (1, "b")])
    async with virtual_guard():
        stream, reports = _observed(source)
        await asyncio.sleep(5)  # the endpoint built the observer, then waited (admission, a slot, headers)
        got = [item async for item in stream]
    assert got == ["a", "b"]
    report = _once(reports)
    assert (report.ttfb_s, report.duration_s) == (pytest.approx(1.0), pytest.approx(2.0)), (
        f"the observer was created at loop time 0 but first read at 5; items came at 6 and 7: expected "
        f"ttfb_s=1.0 and duration_s=2.0; got ttfb_s={report.ttfb_s!r}, duration_s={report.duration_s!r}. "
        "Start timing when the consumer asks for the first item (inside the generator body), not when "
        "observe() is called."
    )


async def test_consumer_leaving_early_is_client_gone_and_closes_the_source() -> None:
    source = ScriptedSource([(1, "a"), (1, "b"), (1, "c")])
    stream, reports = _observed(source)
    async with virtual_guard(), aclosing(stream) as items:
        async for _ in items:
            break
    assert source.closed, (
        "the consumer closed the observer after one item, but the source's cleanup has not run: close the "
        "upstream as soon as you are closed (wrap it in `contextlib.aclosing`), or it keeps its connection "
        "(and the vendor keeps billing) until garbage collection."
    )
    report = _once(reports)
    assert (report.outcome, report.items) == ("client_gone", 1), (
        f"the consumer left after 1 item: expected outcome 'client_gone' with items=1; got {report!r}"
    )


async def test_cancelled_consumer_is_client_gone() -> None:
    source = ScriptedSource([(1, "a"), (10, "b")])
    stream, reports = _observed(source)

    async def consume() -> None:
        async for _ in stream:
            pass

    async with virtual_guard():
        task = asyncio.create_task(consume())
        await asyncio.sleep(2)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    report = _once(reports)
    assert report.outcome == "client_gone", (
        f"the consuming task was cancelled (what a disconnect looks like under Starlette): expected "
        f"'client_gone'; got {report.outcome!r}. CancelledError is a BaseException, not an Exception, so "
        "`except Exception` never sees it: classify in `finally`."
    )
    assert report.items == 1 and report.duration_s == pytest.approx(2.0), (
        f"expected items=1 and duration_s=2.0 (cancelled at loop time 2); got {report!r}"
    )
    assert source.closed, "the source must be closed when the consumer is cancelled"


async def test_upstream_error_is_reported_and_propagates() -> None:
    source = ScriptedSource([(1, "a"), (1, ValueError("bad chunk"))])
    stream, reports = _observed(source)
    got: list[str] = []
    async with virtual_guard():
        with pytest.raises(ValueError, match="bad chunk"):
            async for item in stream:
                got.append(item)
    assert got == ["a"], f"the item before the failure must still be delivered; got {got!r}"
    report = _once(reports)
    want = StreamReport("upstream_error", 1.0, 2.0, 1, "ValueError")
    assert report == want, (
        f"the source raised ValueError at loop time 2: expected {want!r}; got {report!r}. `error` is the "
        "exception's class name (never its text: it may carry secrets or user data into metrics)."
    )


async def test_empty_stream_has_no_time_to_first_item() -> None:
    source = ScriptedSource([])
    stream, reports = _observed(source)
    async with virtual_guard():
        got = [item async for item in stream]
    assert got == []
    report = _once(reports)
    assert report == StreamReport("completed", None, 0.0, 0), (
        f"an empty stream completes with ttfb_s=None (there was no first item), duration 0 and 0 items; "
        f"got {report!r}"
    )


async def test_gauge_counts_only_streams_being_consumed() -> None:
    gauge = ActiveStreams()
    never_read, reports = _observed(ScriptedSource([(1, "x")]), gauge)
    assert gauge.value == 0, (
        f"merely creating the observer moved the gauge to {gauge.value}: a generator that is never iterated "
        "never runs its `finally`, so that increment would leak. Count inside the generator body."
    )
    await never_read.aclose()
    assert gauge.value == 0 and reports == [], (
        f"closing an unstarted observer: gauge {gauge.value}, {reports!r}"
    )

    ok, _ = _observed(ScriptedSource([(1, "a"), (1, "b")]), gauge)
    failing, _ = _observed(ScriptedSource([(1, "a"), (1, KeyError("k"))]), gauge)
    left, _ = _observed(ScriptedSource([(1, "a"), (1, "b")]), gauge)
    async with virtual_guard():
        assert await anext(ok) == "a" and await anext(failing) == "a" and await anext(left) == "a"
        assert gauge.value == 3, f"three streams are being consumed: expected gauge 3, got {gauge.value}"
        assert [item async for item in ok] == ["b"]
        with pytest.raises(KeyError):
            await anext(failing)
        await left.aclose()
    assert gauge.value == 0, (
        f"every stream ended (completed, failed, closed early) but the gauge reads {gauge.value}, not 0: "
        "decrement in `finally` so every ending is counted exactly once."
    )
