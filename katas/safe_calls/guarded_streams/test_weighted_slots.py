"""Tests for weighted_slots: all-or-nothing, first-come-first-served, and nothing lost to cancellation."""

from __future__ import annotations

import asyncio

import pytest

from katakit.testkit import virtual_guard
from katas.safe_calls.guarded_streams.weighted_slots import WeightedSemaphore

pytestmark = pytest.mark.looptime


def _now() -> float:
    return asyncio.get_running_loop().time()


async def _hold_for(
    sem: WeightedSemaphore, weight: int, seconds: float, granted: dict[str, float], name: str
) -> None:
    await sem.acquire(weight)
    granted[name] = _now()
    await asyncio.sleep(seconds)
    sem.release(weight)


async def test_heavy_callers_get_all_their_units_at_once() -> None:
    sem = WeightedSemaphore(4)
    granted: dict[str, float] = {}
    async with virtual_guard(60, "two weight-3 callers on a capacity-4 semaphore"):
        holders = [asyncio.create_task(_hold_for(sem, 1, t, granted, f"unit{t}")) for t in (1, 2, 3, 4)]
        await asyncio.sleep(0)
        heavy = [asyncio.create_task(_hold_for(sem, 3, 1, granted, name)) for name in ("A", "B")]
        await asyncio.gather(*holders, *heavy)
    assert (granted["A"], granted["B"]) == (pytest.approx(3.0), pytest.approx(4.0)), (
        f"units came back one per second from t=1; A (weight 3) fits at t=3, holds 1 s, and B fits at "
        f"t=4: expected grants at 3 and 4; got {granted}. Taking units one at a time lets A and B each "
        "grab 2 of 4 and wait for each other forever."
    )
    assert _now() == pytest.approx(5.0) and sem.available == 4


async def test_waiters_are_served_in_arrival_order() -> None:
    sem = WeightedSemaphore(4)
    order: list[str] = []
    granted: dict[str, float] = {}

    async def caller(name: str, weight: int) -> None:
        async with sem.hold(weight):
            order.append(name)
            granted[name] = _now()
            await asyncio.sleep(1)

    async with virtual_guard(60):
        await sem.acquire(3)  # one unit left
        heavy = asyncio.create_task(caller("heavy", 3))
        await asyncio.sleep(0.5)
        light = [asyncio.create_task(caller(f"light{i}", 1)) for i in range(3)]
        await asyncio.sleep(1.5)
        sem.release(3)
        await asyncio.gather(heavy, *light)
    assert order[0] == "heavy" and granted["heavy"] == pytest.approx(2.0), (
        f"the weight-3 caller arrived first and must be served first (at t=2, when 3 units came back); "
        f"order {order}, grants {granted}. Letting whoever fits go first starves heavy streams as long as "
        "light calls keep arriving."
    )
    assert all(granted[f"light{i}"] >= 2.0 for i in range(3)), (
        f"the light callers arrived later and must wait behind the heavy one, even though 1 unit was free; "
        f"grants {granted}"
    )


async def test_a_release_grants_every_waiter_that_now_fits() -> None:
    sem = WeightedSemaphore(4)
    async with virtual_guard(60):
        await sem.acquire(4)
        waiters = [asyncio.create_task(sem.acquire(w)) for w in (1, 2, 1)]
        await asyncio.sleep(1)
        sem.release(4)
        await asyncio.sleep(0)
        granted = [t.done() for t in waiters]
        assert granted == [True, True, True], (
            "release(4) freed the whole capacity, and the queued weights 1, 2, 1 add up to 4: all three must "
            f"be granted by that one release, in arrival order; granted per waiter: {granted}. Waking only "
            "the head leaves free units idle while callers wait (grant as many as now fit)."
        )
        assert sem.available == 0, f"1 + 2 + 1 of 4 granted: expected 0 available; got {sem.available}"
        for w in (1, 2, 1):
            sem.release(w)


async def test_cancelled_waiter_takes_nothing_and_unblocks_the_next() -> None:
    sem = WeightedSemaphore(4)
    async with virtual_guard(60):
        await sem.acquire(2)  # 2 free
        head = asyncio.create_task(sem.acquire(3))  # cannot fit: waits at the head of the queue
        await asyncio.sleep(0)
        behind = asyncio.create_task(sem.acquire(2))  # would fit, but must queue behind the head
        await asyncio.sleep(1)
        assert not behind.done(), "a weight-2 waiter must queue behind an earlier weight-3 waiter (FIFO)"
        head.cancel()
        await asyncio.gather(head, return_exceptions=True)
        await asyncio.sleep(0)
        assert behind.done(), (
            "the waiter at the head was cancelled, so the next one (weight 2, and 2 units are free) must be "
            "granted now; it is still waiting"
        )
        assert sem.available == 0, f"2 held + 2 granted of 4: expected 0 available; got {sem.available}"
        sem.release(2)
        sem.release(2)
    assert sem.available == 4, (
        f"everything was released, but only {sem.available} of 4 units are free: the cancelled waiter leaked "
        "the units it had partly taken. Take all or nothing."
    )


async def test_grant_and_cancel_in_the_same_tick_returns_the_units() -> None:
    sem = WeightedSemaphore(2)
    async with virtual_guard(60):
        await sem.acquire(2)
        waiter = asyncio.create_task(sem.acquire(2))
        await asyncio.sleep(1)
        sem.release(2)  # grants the waiter ...
        waiter.cancel()  # ... and the client goes away before the waiter ever ran
        await asyncio.gather(waiter, return_exceptions=True)
    assert waiter.cancelled()
    assert sem.available == 2, (
        f"the waiter was granted 2 units and cancelled in the same tick, so it never used them: they must "
        f"come back; available={sem.available} of 2. Check whether your future was already resolved when "
        "CancelledError arrives."
    )


@pytest.mark.parametrize("capacity", [0, -2])
def test_a_semaphore_needs_positive_capacity(capacity: int) -> None:
    try:
        WeightedSemaphore(capacity)
    except ValueError:
        return
    pytest.fail(
        f"WeightedSemaphore({capacity}) must raise ValueError: with no units at all, every acquire() would "
        "wait forever, so refuse the configuration when it is made"
    )


@pytest.mark.parametrize("weight", [0, -1, 5])
async def test_impossible_weights_are_rejected_at_once(weight: int) -> None:
    sem = WeightedSemaphore(4)
    async with virtual_guard(60, f"acquire({weight}) on capacity 4"):
        with pytest.raises(ValueError):
            await sem.acquire(weight)
    assert _now() == 0.0 and sem.available == 4, (
        f"acquire({weight}) on a capacity-4 semaphore can never succeed (or makes no sense): raise "
        f"ValueError at once instead of waiting forever; time {_now():g}, available {sem.available}"
    )


async def test_over_release_is_rejected() -> None:
    sem = WeightedSemaphore(4)
    await sem.acquire(1)
    with pytest.raises(ValueError):
        sem.release(2)
    assert sem.available == 3, (
        f"releasing 2 while only 1 was held would raise capacity above 4; expected ValueError and available "
        f"still 3; got {sem.available}. A silent over-release hides a double-release bug and admits more "
        "streams than the upstream can take."
    )
    with pytest.raises(ValueError):
        sem.release(0)


async def test_hold_releases_on_error() -> None:
    sem = WeightedSemaphore(4)
    with pytest.raises(KeyError):
        async with sem.hold(3):
            assert sem.available == 1, f"inside hold(3) expected 1 available; got {sem.available}"
            raise KeyError("boom")
    assert sem.available == 4, f"hold() must release on an exception; available {sem.available}"
