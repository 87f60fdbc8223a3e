"""Tests for stream_deadlines: first-item, idle and total deadlines that never cut a healthy stream."""

from __future__ import annotations

import asyncio
import itertools

import httpx
import pytest

from katakit.testkit import ChunkServer, ScriptedSource, virtual_guard
from katas.safe_calls.guarded_streams.stream_deadlines import StreamTimeout, with_deadlines

pytestmark = pytest.mark.looptime


def _now() -> float:
    return asyncio.get_running_loop().time()


def _is_data(item: str) -> bool:
    return not item.startswith(":")


async def test_long_healthy_stream_is_not_cut() -> None:
    source = ScriptedSource((1, i) for i in range(120))
    async with virtual_guard(1000):
        got = [i async for i in with_deadlines(source, first_item_s=10, idle_s=5, total_s=300)]
    assert got == list(range(120)), (
        f"a 2-minute stream with an item every second must pass untouched (idle_s=5, total_s=300); got "
        f"{len(got)} items. A total timeout sized for ordinary calls would kill healthy long streams."
    )
    assert _now() == pytest.approx(120.0), f"the stream should end at loop time 120, not {_now():g}"


async def test_silence_after_progress_raises_idle() -> None:
    source = ScriptedSource([(1, "a"), (1, "b"), (10, "c")])
    got: list[str] = []
    async with virtual_guard():
        with pytest.raises(StreamTimeout) as caught:
            async for item in with_deadlines(source, first_item_s=10, idle_s=5, total_s=300):
                got.append(item)
    assert (caught.value.kind, caught.value.after_s) == ("idle", 5), (
        f"the upstream went silent after 'b': expected StreamTimeout('idle', 5); got "
        f"({caught.value.kind!r}, {caught.value.after_s!r})"
    )
    assert _now() == pytest.approx(7.0), (
        f"'b' arrived at loop time 2 and idle_s=5, so the idle deadline fires at 7; it fired at {_now():g}"
    )
    assert got == ["a", "b"], f"items before the stall must be delivered; got {got!r}"


async def test_slow_first_item_raises_first() -> None:
    source = ScriptedSource([(20, "late")])
    async with virtual_guard():
        with pytest.raises(StreamTimeout) as caught:
            async for _ in with_deadlines(source, first_item_s=10, idle_s=5, total_s=300):
                pass
    assert (caught.value.kind, caught.value.after_s) == ("first", 10), (
        f"nothing came within first_item_s=10: expected StreamTimeout('first', 10); got "
        f"({caught.value.kind!r}, {caught.value.after_s!r})"
    )
    assert _now() == pytest.approx(10.0), f"expected the 'first' deadline at loop time 10; got {_now():g}"


async def test_endless_stream_hits_the_total_deadline() -> None:
    source = ScriptedSource((1, i) for i in itertools.count())
    got: list[int] = []
    async with virtual_guard(100, "an endless stream under total_s=30.5"):
        with pytest.raises(StreamTimeout) as caught:
            async for item in with_deadlines(source, first_item_s=10, idle_s=5, total_s=30.5):
                got.append(item)
    assert caught.value.kind == "total" and _now() == pytest.approx(30.5), (
        f"an upstream that never stops (one item per second) must end at the total deadline, 30.5 s; got "
        f"{caught.value.kind!r} at {_now():g}. Per-item timeouts alone never end a trickling stream, and "
        "it holds its slot forever."
    )
    assert len(got) == 30, f"items at 1..30 s arrive before the deadline; got {len(got)}"


async def test_keepalives_pass_through_but_do_not_reset_idle() -> None:
    source = ScriptedSource(itertools.chain([(1, "data: 1")], ((4, ": ping") for _ in itertools.count())))
    got: list[str] = []
    async with virtual_guard(100, "a pinging but stalled upstream"):
        with pytest.raises(StreamTimeout) as caught:
            async for item in with_deadlines(
                source, first_item_s=10, idle_s=10, total_s=300, is_progress=_is_data
            ):
                got.append(item)
    assert caught.value.kind == "idle" and _now() == pytest.approx(11.0), (
        f"data stopped at loop time 1 while pings kept coming every 4 s: expected 'idle' at 11 (idle_s=10 "
        f"after the last data item); got {caught.value.kind!r} at {_now():g}. A stuck model that keeps "
        "pinging would otherwise hold its slot forever."
    )
    assert got == ["data: 1", ": ping", ": ping"], f"keepalives must still pass through; got {got!r}"


async def test_slow_consumer_is_not_a_stalled_upstream() -> None:
    source = ScriptedSource([(1, i) for i in range(4)])
    got: list[int] = []

    async def consume() -> None:
        async for item in with_deadlines(source, first_item_s=10, idle_s=5, total_s=1000):
            got.append(item)
            await asyncio.sleep(60)  # a slow client: the upstream is not to blame

    async with virtual_guard(1000):
        task = asyncio.create_task(consume())
        await asyncio.wait([task])
    assert not task.cancelled(), (
        "the consumer was cancelled while it slept between items: a timeout scope was left open across "
        "`yield`, so it fired while the generator was parked and cancelled the consumer's own code "
        "(PEP 789). Put only the await on the upstream inside the timeout."
    )
    assert task.exception() is None, (
        f"a consumer that takes 60 s per item must not trip idle_s=5 (only time spent waiting for the "
        f"upstream counts); got {task.exception()!r}"
    )
    assert got == [0, 1, 2, 3]


async def test_source_is_closed_on_every_ending() -> None:
    stalled = ScriptedSource([(1, "a")], hang=True)
    async with virtual_guard():
        with pytest.raises(StreamTimeout):
            async for _ in with_deadlines(stalled, first_item_s=10, idle_s=5, total_s=300):
                pass
    finished = ScriptedSource([(1, "a")])
    async with virtual_guard():
        assert [x async for x in with_deadlines(finished, first_item_s=10, idle_s=5, total_s=300)] == ["a"]
    abandoned = ScriptedSource([(1, "a"), (1, "b")])
    stream = with_deadlines(abandoned, first_item_s=10, idle_s=5, total_s=300)
    async with virtual_guard():
        assert await anext(stream) == "a"
        await stream.aclose()
    closed = {"timeout": stalled.closed, "completion": finished.closed, "consumer aclose()": abandoned.closed}
    assert all(closed.values()), (
        f"the upstream must be closed however the stream ends; closed: {closed}. Wrap it in "
        "`contextlib.aclosing` so an abandoned stream stops the upstream (and its bill) at once."
    )


async def test_pings_hide_a_stall_from_the_httpx_read_timeout() -> None:
    # Real sockets: one data event, then a `: ping` comment every 5 s for 30 s, and no data ever again.
    chunks = [(0, "data: hello\n\n"), *[(5, ": ping\n\n")] * 6]  # then silence
    timeout = httpx.Timeout(5.0, read=15.0)
    seen: list[str] = []
    async with (
        ChunkServer(chunks) as server,
        httpx.AsyncClient(timeout=timeout) as client,
        virtual_guard(120, "the pinging upstream"),
        client.stream("GET", server.url) as response,
    ):
        lines = with_deadlines(
            response.aiter_lines(), first_item_s=10, idle_s=20, total_s=300, is_progress=_is_data_line
        )
        with pytest.raises(StreamTimeout) as caught:
            async for line in lines:
                seen.append(line)
    assert caught.value.kind == "idle" and _now() == pytest.approx(20.0, abs=0.1), (
        f"httpx's read timeout (15 s) applies to each socket read, and every ping is a read, so it never "
        f"fires; only an application-level idle deadline over data lines (idle_s=20) can see the stall. "
        f"Expected 'idle' at loop time 20; got {caught.value.kind!r} at {_now():g}"
    )
    assert seen.count(": ping") >= 3, f"the pings must have arrived (and passed through); saw {seen!r}"


def _is_data_line(line: str) -> bool:
    return line.startswith("data:")
