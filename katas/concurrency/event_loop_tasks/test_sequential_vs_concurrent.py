"""Tests for sequential_vs_concurrent: loop time (looptime) shows what overlapped and what did not."""

from __future__ import annotations

import asyncio

import pytest

from katakit.testkit import virtual_guard
from katas.concurrency.event_loop_tasks.sequential_vs_concurrent import fetch_concurrent, fetch_sequential

pytestmark = pytest.mark.looptime


class FakeUpstream:
    """fetch(id) sleeps delays[id] seconds of loop time and returns a record; logs when each started."""

    def __init__(self, delays: dict[int, float]) -> None:
        self.delays = delays
        self.started: dict[int, float] = {}

    async def fetch(self, item_id: int) -> dict[str, int]:
        self.started[item_id] = asyncio.get_running_loop().time()
        await asyncio.sleep(self.delays[item_id])
        return {"id": item_id}


async def test_sequential_takes_the_sum_of_the_delays() -> None:
    upstream = FakeUpstream(dict.fromkeys(range(5), 5.0))
    async with virtual_guard(60):
        got = await fetch_sequential(list(range(5)), upstream.fetch)
    now = asyncio.get_running_loop().time()
    assert got == [{"id": i} for i in range(5)], f"expected the five records in id order, got {got}"
    assert now == pytest.approx(25.0, abs=1e-3), (
        f"five 5 s fetches awaited one after another take 25 s of loop time; took {now:g} s."
    )


async def test_concurrent_takes_the_longest_delay() -> None:
    upstream = FakeUpstream(dict.fromkeys(range(5), 5.0))
    async with virtual_guard(60):
        got = await fetch_concurrent(list(range(5)), upstream.fetch)
    now = asyncio.get_running_loop().time()
    assert got == [{"id": i} for i in range(5)], f"expected the five records in id order, got {got}"
    assert now == pytest.approx(5.0, abs=1e-3), (
        f"five 5 s fetches in flight together take 5 s of loop time; took {now:g} s. If it is 25: you awaited "
        "each task right after creating it, which is sequential again. Create them all, then await."
    )


async def test_every_concurrent_fetch_starts_at_once() -> None:
    upstream = FakeUpstream({1: 3.0, 2: 2.0, 3: 1.0})
    async with virtual_guard(60):
        await fetch_concurrent([1, 2, 3], upstream.fetch)
    assert upstream.started == {1: 0.0, 2: 0.0, 3: 0.0}, (
        f"start times {upstream.started}: every fetch should start at loop time 0, before any of them ends."
    )


async def test_results_come_back_in_id_order_not_finish_order() -> None:
    upstream = FakeUpstream({1: 3.0, 2: 2.0, 3: 1.0})  # 3 finishes first, 1 last
    async with virtual_guard(60):
        got = await fetch_concurrent([1, 2, 3], upstream.fetch)
    assert got == [{"id": 1}, {"id": 2}, {"id": 3}], (
        f"got {got}: results must follow the ids, not the order the fetches finished in. Keep the tasks "
        "in a list as you create them, and read their results after the TaskGroup block."
    )


async def test_no_ids_no_results() -> None:
    upstream = FakeUpstream({})
    assert await fetch_sequential([], upstream.fetch) == []
    assert await fetch_concurrent([], upstream.fetch) == []
