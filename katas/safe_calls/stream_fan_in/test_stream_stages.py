"""Tests for stream_stages: SSE parsing by the standard, chat deltas, and stages that close their upstream."""

from __future__ import annotations

import asyncio
import json
from contextlib import aclosing

import pytest

from katakit.testkit import ScriptedSource, virtual_guard
from katas.safe_calls.stream_fan_in.stream_stages import (
    SSEEvent,
    abatch,
    afilter,
    amap,
    chat_deltas,
    parse_sse,
    throttle,
)


def _lines(*lines: str) -> ScriptedSource[str]:
    return ScriptedSource([(0, line) for line in lines])


async def _parse(*lines: str) -> list[SSEEvent]:
    return [event async for event in parse_sse(_lines(*lines))]


def _chunk(**delta: object) -> SSEEvent:
    return SSEEvent(json.dumps({"choices": [{"index": 0, "delta": delta}]}))


PARSE_CASES = {
    "space after the colon is optional": (
        ["data:x", "", "data: y", ""],
        [SSEEvent("x"), SSEEvent("y")],
    ),
    "only one leading space is removed": (["data:  two", ""], [SSEEvent(" two")]),
    "multi-line data is joined with newlines": (
        ["data: {", 'data: "a": 1', "data: }", ""],
        [SSEEvent('{\n"a": 1\n}')],
    ),
    "comments are keepalives, not events": ([": ping", "", "data: x", ": ping", ""], [SSEEvent("x")]),
    "event, id and retry fields": (
        ["event: delta", "id: 7", "retry: 2000", "data: x", "", "data: y", ""],
        [SSEEvent("x", "delta", "7", 2000), SSEEvent("y", "message", "7", None)],
    ),
    "a non-numeric retry is ignored": (["retry: soon", "data: x", ""], [SSEEvent("x")]),
    "CRLF and CR line endings": (["data: x\r\n", "\r\n", "data: y\r", "\r"], [SSEEvent("x"), SSEEvent("y")]),
    "an event without data is not dispatched": (["event: ping", "", "data: x", ""], [SSEEvent("x")]),
    "a trailing event without a blank line is not dispatched": (
        ["data: x", "", "data: cut"],
        [SSEEvent("x")],
    ),
}


@pytest.mark.parametrize("case", PARSE_CASES)
async def test_parse_sse_follows_the_standard(case: str) -> None:
    lines, want = PARSE_CASES[case]
    got = await _parse(*lines)
    assert got == want, (
        f"{case}: lines {lines!r} should parse to {want!r}; got {got!r}. The rules are the WHATWG HTML "
        "standard's 'Server-sent events' section: one optional space after the colon, data lines joined "
        "with newlines, a blank line dispatches, `:` starts a comment."
    )


async def test_chat_deltas_picks_content_and_stops_at_done() -> None:
    events = [
        _chunk(role="assistant"),
        _chunk(content="Hel"),
        _chunk(content=""),
        _chunk(tool_calls=[{"index": 0, "function": {"arguments": "{"}}]),
        _chunk(content="lo"),
        SSEEvent("[DONE]"),
        _chunk(content="never"),
    ]
    source = ScriptedSource([(0, e) for e in events])
    got = [text async for text in chat_deltas(source)]
    assert got == ["Hel", "lo"], (
        f"expected the two content deltas and nothing after [DONE]; got {got!r}. Role-only, empty and "
        "tool-call deltas carry no text; `[DONE]` is a sentinel, not JSON: test for it before json.loads."
    )


async def test_abatch_flushes_the_remainder_and_rejects_bad_sizes() -> None:
    got = [b async for b in abatch(_lines("a", "b", "c", "d", "e"), 2)]
    assert got == [["a", "b"], ["c", "d"], ["e"]], f"the last, shorter batch must be flushed; got {got!r}"
    for size in (0, -1):
        with pytest.raises(ValueError):
            async for _ in abatch(_lines("a"), size):
                pass
    kept = [x async for x in afilter(amap(_lines("1", "2", "3", "4"), int), lambda n: n % 2 == 0)]
    assert kept == [2, 4], f"amap(int) then afilter(even) over 1..4 should give [2, 4]; got {kept!r}"


async def test_closing_the_pipeline_closes_the_source_at_once() -> None:
    source = ScriptedSource([(0, str(i)) for i in range(10)])
    async with aclosing(abatch(afilter(amap(source, int), lambda n: n >= 0), 2)) as batches:
        async for batch in batches:
            assert batch == [0, 1]
            break
    assert source.closed, (
        "the consumer closed the last stage after one batch, but the source is still open: each stage must "
        "close its own upstream when it is closed (iterate it inside `contextlib.aclosing`). A bare "
        "`async for ...: yield` leaves the source to the garbage collector, with its HTTP response open."
    )
    assert source.produced == 2, f"the source should have produced 2 items only; produced {source.produced}"


@pytest.mark.looptime
async def test_throttle_spaces_items_without_delaying_slow_sources() -> None:
    loop = asyncio.get_running_loop()
    fast = ScriptedSource([(0, i) for i in range(4)])
    async with virtual_guard():
        times = [loop.time() async for _ in throttle(fast, per_second=2)]
    assert times == pytest.approx([0.0, 0.5, 1.0, 1.5]), (
        f"a fast source throttled to 2 per second must be emitted at 0, 0.5, 1.0, 1.5; got {times}"
    )
    slow = ScriptedSource([(3, "a"), (3, "b")])
    start = loop.time()
    async with virtual_guard():
        times = [loop.time() - start async for _ in throttle(slow, per_second=2)]
    assert times == pytest.approx([3.0, 6.0]), (
        f"a source slower than the limit must not be delayed further: items arriving at 3 and 6 should be "
        f"emitted at 3 and 6; got {times}. Sleep only for what is left of the interval since the last "
        "emission, not a full interval before every item."
    )
