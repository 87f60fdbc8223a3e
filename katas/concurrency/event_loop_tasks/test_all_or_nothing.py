"""Tests for all_or_nothing: a failure cancels the siblings (TaskGroup), not just the caller's wait."""

from __future__ import annotations

import asyncio

import pytest

from katakit.testkit import virtual_guard
from katas.concurrency.event_loop_tasks.all_or_nothing import fetch_all_or_nothing

pytestmark = pytest.mark.looptime


class Upstream:
    """id 1 is slow (10 s), id 2 fails after 1 s, others answer in 0.5 s; logs what happened to each."""

    def __init__(self, *, failing: bool = True) -> None:
        self.failing = failing
        self.log: list[str] = []
        self.error = ValueError("upstream answered 400 for id 2")

    async def fetch(self, item_id: int) -> str:
        try:
            if item_id == 1:
                await asyncio.sleep(10)
            elif item_id == 2 and self.failing:
                await asyncio.sleep(1)
                raise self.error
            else:
                await asyncio.sleep(0.5)
        except asyncio.CancelledError:
            self.log.append(f"{item_id} cancelled")
            raise
        self.log.append(f"{item_id} finished")
        return f"item {item_id}"


async def test_all_succeed() -> None:
    upstream = Upstream(failing=False)
    async with virtual_guard(60):
        got = await fetch_all_or_nothing([1, 2, 3], upstream.fetch)
    assert got == {1: "item 1", 2: "item 2", 3: "item 3"}, f"expected every id's result, got {got}"


async def _expect_group(upstream: Upstream) -> ExceptionGroup:
    try:
        got = await fetch_all_or_nothing([1, 2, 3], upstream.fetch)
    except ExceptionGroup as group:
        return group
    except Exception as exc:
        pytest.fail(
            f"got a bare {exc!r}, not an ExceptionGroup. asyncio.gather re-raises the first error by itself and "
            "leaves the other fetches running; asyncio.TaskGroup cancels them and raises an ExceptionGroup.",
            pytrace=False,
        )
    pytest.fail(f"id 2 failed, yet the call returned {got!r}: partial results hide a failure.", pytrace=False)


async def test_a_failure_cancels_the_siblings() -> None:
    upstream = Upstream()
    async with virtual_guard(60):
        group = await _expect_group(upstream)
        failed_at = asyncio.get_running_loop().time()
        await asyncio.sleep(20)  # a sibling still running would finish in here
    assert group.split(ValueError)[0] is not None, f"the group should hold id 2's ValueError: {group!r}"
    assert failed_at == pytest.approx(1.0, abs=1e-3), (
        f"the call should fail as soon as id 2 fails (loop time 1), not at {failed_at:g}."
    )
    assert "1 cancelled" in upstream.log and "1 finished" not in upstream.log, (
        f"log {upstream.log}: the sibling kept running after the failure. asyncio.TaskGroup cancels the other "
        "tasks when one fails; gather(...) only stops waiting and leaves them running, orphaned."
    )


async def test_the_failure_names_its_id() -> None:
    upstream = Upstream()
    async with virtual_guard(60):
        group = await _expect_group(upstream)
    matched, _ = group.split(ValueError)
    errors = list(matched.exceptions) if matched else []
    assert errors and errors[0] is upstream.error, (
        f"the group should carry the ORIGINAL ValueError (same object, with its traceback); got {errors!r}"
    )
    notes = getattr(upstream.error, "__notes__", [])
    assert "id=2" in notes, (
        f"the ValueError's __notes__ are {notes}: add 'id=2' to the original exception with "
        "exc.add_note(...) and re-raise it, so the log says which id failed."
    )


async def test_no_orphan_tasks_after_a_failure() -> None:
    upstream = Upstream()
    async with virtual_guard(60):
        await _expect_group(upstream)
    others = asyncio.all_tasks() - {asyncio.current_task()}
    assert not others, f"tasks still alive after the call failed: {others}. Nothing may outlive the call."
