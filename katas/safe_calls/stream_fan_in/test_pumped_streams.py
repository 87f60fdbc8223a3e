"""Tests for pumped_streams: bounded pumps that forward errors, heartbeats that never kill the source,
merges that report errors as values, and nothing left running afterwards."""

from __future__ import annotations

import asyncio
import itertools
from contextlib import aclosing

import pytest

from katakit.testkit import ScriptedSource, virtual_guard
from katas.safe_calls.stream_fan_in.pumped_streams import HEARTBEAT, MergeIdle, SourceFailed, decoupled, merge

pytestmark = pytest.mark.looptime


def _now() -> float:
    return asyncio.get_running_loop().time()


def _leftover_tasks() -> set[asyncio.Task[object]]:
    return {t for t in asyncio.all_tasks() if t is not asyncio.current_task()}


async def test_decoupled_forwards_the_upstream_error() -> None:
    source = ScriptedSource([(1, "a"), (1, ConnectionResetError("upstream died"))])
    got: list[object] = []
    async with virtual_guard(60, "a consumer of a pump whose upstream died"):
        with pytest.raises(ConnectionResetError):
            async for item in decoupled(source, max_buffer=4):
                got.append(item)
    assert got == ["a"], f"the item before the failure must come out first; got {got!r}"


async def test_decoupled_buffer_is_bounded() -> None:
    source = ScriptedSource((0.1, i) for i in itertools.count())
    async with virtual_guard(), aclosing(decoupled(source, max_buffer=3)) as stream:
        assert await anext(stream) == 0
        await asyncio.sleep(60)  # a consumer that stopped reading
        produced = source.produced
    assert produced <= 3 + 2, (
        f"the consumer took 1 item and then read nothing for 60 s, yet the source produced {produced} items. "
        "With max_buffer=3 at most 5 can exist (1 delivered, 3 buffered, 1 in the pump's hands): use a "
        "bounded queue so a slow client slows the producer (backpressure) instead of filling memory."
    )
    assert source.closed


async def test_decoupled_heartbeats_without_touching_the_source() -> None:
    source = ScriptedSource([(10, "first"), (1, "second")])
    seen: list[tuple[float, object]] = []
    async with virtual_guard():
        async for item in decoupled(source, max_buffer=2, heartbeat_s=3):
            seen.append((_now(), item))
    want = [(3.0, HEARTBEAT), (6.0, HEARTBEAT), (9.0, HEARTBEAT), (10.0, "first"), (11.0, "second")]
    assert [item for _, item in seen] == [item for _, item in want], (
        f"a source silent for 10 s with heartbeat_s=3 should give heartbeats at 3, 6, 9, then 'first' and "
        f"'second'; got {seen!r}. If 'second' is missing, the heartbeat timer cancelled the source's "
        "__anext__, which finalises an async generator: time out the wait on your queue, not the source."
    )
    assert [t for t, _ in seen] == pytest.approx([t for t, _ in want])


async def test_decoupled_close_stops_and_awaits_the_pump() -> None:
    source = ScriptedSource((1, i) for i in itertools.count())
    stream = decoupled(source, max_buffer=2)
    async with virtual_guard():
        assert await anext(stream) == 0
        await stream.aclose()
    leftover = _leftover_tasks()
    assert not leftover and source.closed, (
        f"after aclose() returned, tasks still pending: {leftover}; source closed: {source.closed}. "
        "Cancel the pump task and await it (cancel() only requests cancellation) so its cleanup, which "
        "closes the upstream, has run before you return."
    )


async def test_merge_interleaves_in_arrival_order() -> None:
    a = ScriptedSource([(1, "a0"), (1, "a1"), (1, "a2")])
    b = ScriptedSource([(1.5, "b0"), (2, "b1")])
    async with virtual_guard():
        got = [pair async for pair in merge(a, b)]
    assert got == [(0, "a0"), (1, "b0"), (0, "a1"), (0, "a2"), (1, "b1")], (
        f"a yields at 1, 2, 3 and b at 1.5, 3.5: expected them interleaved by arrival, tagged with the "
        f"source index; got {got!r}"
    )


async def test_merge_closed_early_closes_every_source() -> None:
    sources = [ScriptedSource((1 + i * 0.1, f"s{i}") for _ in itertools.count()) for i in range(3)]
    async with virtual_guard(), aclosing(merge(*sources)) as merged:
        async for _ in merged:
            break
    leftover = _leftover_tasks()
    assert all(s.closed for s in sources) and not leftover, (
        f"the consumer left after the first item: every source must be closed (closed: "
        f"{[s.closed for s in sources]}) and no pump task left (pending: {leftover})"
    )


async def test_merge_raises_a_source_error_and_closes_the_rest() -> None:
    a = ScriptedSource([(1, "a0"), (1, KeyError("a broke"))])
    b = ScriptedSource([(1.5, "b0"), (10, "b1")])
    got: list[object] = []
    async with virtual_guard():
        with pytest.raises(KeyError):
            async for pair in merge(a, b, on_error="raise"):
                got.append(pair)
    assert got == [(0, "a0"), (1, "b0")], f"items before the failure must be delivered; got {got!r}"
    assert b.closed and _now() == pytest.approx(2.0), (
        f"a failed at loop time 2: the error must surface then, and b must be closed; b closed: {b.closed}, "
        f"error at {_now():g}"
    )


async def test_merge_reports_a_source_error_as_a_value() -> None:
    boom = KeyError("a broke")
    a = ScriptedSource([(1, "a0"), (1, boom)])
    b = ScriptedSource([(1.5, "b0"), (2, "b1")])
    async with virtual_guard():
        got = [pair async for pair in merge(a, b, on_error="report")]
    assert got == [(0, "a0"), (1, "b0"), (0, SourceFailed(0, boom)), (1, "b1")], (
        f"with on_error='report' the failure of source 0 must arrive as (0, SourceFailed(0, error)), the "
        f"error object itself, and source 1 must run to completion; got {got!r}. An 'ERROR: ...' string in "
        "the data channel cannot be told apart from data."
    )


async def test_merge_idle_is_an_error_not_an_end() -> None:
    a = ScriptedSource([(10, "late")])
    b = ScriptedSource([(20, "later")])
    async with virtual_guard():
        with pytest.raises(MergeIdle):
            async for _ in merge(a, b, idle_s=3):
                pass
    assert _now() == pytest.approx(3.0) and a.closed and b.closed, (
        f"nothing arrived for idle_s=3: expected MergeIdle at loop time 3 with both sources closed; got "
        f"{_now():g}, closed {a.closed}, {b.closed}. Ending silently would look like a complete answer."
    )


async def test_merge_idle_restarts_with_every_arrival() -> None:
    a = ScriptedSource([(2, f"a{i}") for i in range(5)])  # one item every 2 s, for 10 s
    async with virtual_guard():
        try:
            got = [pair async for pair in merge(a, idle_s=3)]
        except MergeIdle:
            pytest.fail(
                f"MergeIdle at loop time {_now():g}, yet an item arrived every 2 s (idle_s=3). Idle means "
                "nothing arrived for idle_s: restart the timer with every arrival (a timeout around each "
                "wait on the queue), never one deadline around the whole merge."
            )
    assert [item for _, item in got] == ["a0", "a1", "a2", "a3", "a4"] and _now() == pytest.approx(10.0)
