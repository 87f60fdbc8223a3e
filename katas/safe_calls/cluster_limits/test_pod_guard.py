"""Tests for pod_guard: local limits protect the pod, and a burst fails fast instead of queueing for minutes."""

from __future__ import annotations

import asyncio

import pytest

from katakit.testkit import virtual_guard
from katas.safe_calls.cluster_limits.pod_guard import Overloaded, PodGuard, local_rate_per_minute


@pytest.mark.parametrize(
    ("gate", "latency", "safety", "expected"), [(50, 30, 0.8, 80), (20, 2.0, 1.0, 600), (10, 7.0, 1.0, 85)]
)
def test_local_rate_comes_from_pod_capacity(gate: int, latency: float, safety: float, expected: int) -> None:
    got = local_rate_per_minute(gate, latency, safety)
    assert got == expected, (
        f"a pod with {gate} slots and {latency} s calls sustains {gate}/{latency} x 60 x {safety} starts per "
        f"minute, rounded down: expected {expected}, got {got!r}. Local limits protect the pod, so they come "
        "from the pod's capacity, never from the vendor quota."
    )


async def burst(guard: PodGuard, n: int, work_s: float) -> list[str]:
    async def one() -> str:
        try:
            async with guard.slot():
                await asyncio.sleep(work_s)
            return "done"
        except Overloaded:
            return "rejected"

    return await asyncio.gather(*(one() for _ in range(n)))


@pytest.mark.looptime
async def test_a_burst_fails_fast_beyond_capacity() -> None:
    guard = PodGuard(slots=50, queue_budget=5)
    async with virtual_guard(3600):
        outcomes = await burst(guard, 500, work_s=30)
    ended = asyncio.get_running_loop().time()
    s = guard.stats
    assert (outcomes.count("done"), s.started, s.rejected, s.peak) == (50, 50, 450, 50), (
        f"500 requests at once, 50 slots, 5 s queue budget, 30 s calls: {outcomes.count('done')} done, started="
        f"{s.started}, rejected={s.rejected}, peak={s.peak}; expected 50, 50, 450, 50. No slot frees within 5 s, "
        "so nobody 'starts gradually': 50 run and 450 fail fast (count started only once the slot is held)."
    )
    assert s.rejected_at == [pytest.approx(5.0, abs=1e-3)] * 450 and ended == pytest.approx(30.0, abs=1e-3), (
        f"rejections happened at {sorted(set(round(t, 3) for t in s.rejected_at))} and the burst ended at "
        f"t={ended:.3f}; expected every rejection at t=5 and the end at t=30. Without a queue budget the burst "
        "drains in waves of 50 for 300 s while callers wait."
    )


@pytest.mark.looptime
async def test_the_next_wave_gets_exactly_the_slots() -> None:
    guard = PodGuard(slots=50, queue_budget=5)
    async with virtual_guard(3600):
        await burst(guard, 500, work_s=30)
        second = await burst(guard, 60, work_s=30)
    got = (second.count("done"), second.count("rejected"), guard.stats.peak)
    assert got == (50, 10, 50), (
        f"after the burst, a second wave of 60 got (done, rejected, peak) = {got}; expected (50, 10, 50): the "
        "pod still has exactly 50 slots. More means rejected callers gave back slots they never held (a release "
        "in a `finally` that also runs on rejection); fewer means rejected or finished callers leaked slots."
    )


class VendorDown(Exception):
    """What the body of a slot raises when the vendor call fails."""


@pytest.mark.looptime
async def test_a_failing_call_gives_its_slot_back() -> None:
    guard = PodGuard(slots=2, queue_budget=1)
    failures = 0
    async with virtual_guard(60):
        for _ in range(5):
            try:
                async with guard.slot():
                    raise VendorDown("vendor answered 503")
            except VendorDown:
                failures += 1
            except Overloaded:
                break
        after = await burst(guard, 2, work_s=1)
    assert (failures, after) == (5, ["done", "done"]), (
        f"5 calls failed inside their slot (the body raised), then 2 calls tried: {failures} failures were seen "
        f"and the 2 calls gave {after}; expected 5 failures and ['done', 'done']. Give the slot back in a "
        "`finally` around the yield: otherwise every vendor error leaks a slot, and after `slots` errors the "
        "pod rejects everything with Overloaded while doing nothing."
    )


@pytest.mark.looptime
async def test_each_guard_keeps_its_own_stats() -> None:
    first = PodGuard(slots=1, queue_budget=1)
    second = PodGuard(slots=3, queue_budget=1)
    async with virtual_guard(60):
        await burst(first, 3, work_s=5)
    s = second.stats
    assert (s.started, s.rejected, s.peak, s.rejected_at) == (0, 0, 0, []), (
        f"a burst on one guard changed another guard's stats to started={s.started}, rejected={s.rejected}, "
        f"peak={s.peak}; expected all zero. Each PodGuard starts with its own GuardStats() (set it in __init__, "
        "never as a class attribute shared by every instance)."
    )
