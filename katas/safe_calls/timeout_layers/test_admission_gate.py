"""Tests for admission_gate: the queue budget stops waiting, never the call; the call budget starts at admission."""

from __future__ import annotations

import asyncio

import pytest
from aiolimiter import AsyncLimiter

from katakit.testkit import CountingLimiter, virtual_guard
from katas.safe_calls.timeout_layers.admission_gate import AdmissionGate, Overloaded

pytestmark = pytest.mark.looptime


def now() -> float:
    return asyncio.get_running_loop().time()


def gate(slots: int = 1, limiter: CountingLimiter | None = None) -> AdmissionGate:
    return AdmissionGate(slots=slots, limiter=limiter or CountingLimiter(), queue_budget=5, call_budget=30)


async def hold_slot(g: AdmissionGate, seconds: float) -> None:
    async with g.admitted():
        await asyncio.sleep(seconds)


async def test_a_call_may_outlive_the_queue_budget() -> None:
    limiter = CountingLimiter()
    g = gate(limiter=limiter)
    async with virtual_guard(600):
        try:
            async with g.admitted():
                await asyncio.sleep(10)  # a 10 s vendor call: longer than the 5 s queue budget
        except TimeoutError:
            pytest.fail(
                f"a 10 s call was cut off at t={now():g} by a TimeoutError: your admission deadline kept running "
                "after the call started (the note's nesting puts the queue timeout around the call). Stop the "
                "queue budget once admitted: Timeout.reschedule(None), or a separate timeout per phase.",
                pytrace=False,
            )
    assert now() == pytest.approx(10.0, abs=1e-3), f"the call should end at t=10; it ended at t={now():.3f}"
    assert (limiter.entered, limiter.exited, g.in_use) == (1, 1, 0), (
        f"limiter entered/exited {limiter.entered}/{limiter.exited} times and {g.in_use} slot(s) still held; "
        "expected one limiter pass for one admission, and the slot back afterwards"
    )


async def test_no_slot_within_the_queue_budget_is_overloaded() -> None:
    g = gate()
    async with virtual_guard(600):
        holder = asyncio.create_task(hold_slot(g, 20))
        await asyncio.sleep(0)
        assert g.in_use == 1, "the holder should have the only slot"
        with pytest.raises(Overloaded) as raised:
            async with g.admitted():
                pytest.fail("admitted although the only slot is held", pytrace=False)
        rejected_at = now()
        in_use = g.in_use
        await holder
    assert rejected_at == pytest.approx(5.0, abs=1e-3), (
        f"with every slot held, a new caller was rejected at t={rejected_at:.3f}; expected exactly t=5 (the "
        "queue budget): overload must fail fast and clearly, as Overloaded, not as a generic timeout."
    )
    assert in_use == 1, f"a rejected caller must not change in_use (it held nothing); in_use was {in_use}"
    assert isinstance(raised.value.__cause__, TimeoutError), "chain the admission TimeoutError as __cause__"


async def test_a_call_over_budget_times_out_and_frees_its_slot() -> None:
    g = gate()
    async with virtual_guard(600):
        with pytest.raises(TimeoutError):
            async with g.admitted():
                await asyncio.sleep(100)  # the vendor hangs
        timed_out_at = now()
        in_use = g.in_use
        async with g.admitted():  # the slot is usable again at once
            admitted_again_at = now()
    assert timed_out_at == pytest.approx(30.0, abs=1e-3), (
        f"expected TimeoutError at t=30, got t={timed_out_at:.3f}"
    )
    assert (in_use, admitted_again_at) == (0, pytest.approx(30.0, abs=1e-3)), (
        f"after the timed-out call in_use was {in_use} and the next caller got in at t={admitted_again_at:.3f}; "
        "expected 0 and t=30: release the slot in `finally`, or every timeout leaks a slot."
    )


async def test_the_call_budget_starts_at_admission() -> None:
    g = gate()
    async with virtual_guard(600):
        holder = asyncio.create_task(hold_slot(g, 4))
        await asyncio.sleep(0)
        try:
            async with g.admitted():  # waits 4 s for the slot, then calls for 28 s: 32 s after arrival
                await asyncio.sleep(28)
        except TimeoutError:
            pytest.fail(
                f"a caller that waited 4 s and then called for 28 s timed out at t={now():g}: the call budget "
                "(30 s) must start when the call starts, not when the caller arrived.",
                pytrace=False,
            )
        await holder
    assert now() == pytest.approx(32.0, abs=1e-3), (
        f"expected the call to end at t=32; it ended at t={now():.3f}"
    )


async def test_a_cancelled_waiter_leaves_no_trace() -> None:
    g = gate()
    async with virtual_guard(600):
        holder = asyncio.create_task(hold_slot(g, 3))
        await asyncio.sleep(0)
        waiter = asyncio.create_task(hold_slot(g, 1))
        await asyncio.sleep(1)
        waiter.cancel()  # its caller went away while it was queued
        await asyncio.gather(waiter, return_exceptions=True)
        await holder
        in_use = g.in_use
        async with g.admitted():
            admitted_at = now()
    assert (in_use, admitted_at) == (0, pytest.approx(3.0, abs=1e-3)), (
        f"after a queued waiter was cancelled and the holder finished, in_use was {in_use} and the next caller "
        f"got in at t={admitted_at:.3f}; expected 0 and t=3. A waiter cancelled in the queue must not take (or "
        "keep) a slot."
    )


async def test_waiting_for_a_rate_token_counts_against_the_queue_budget() -> None:
    g = gate(slots=5, limiter=CountingLimiter(AsyncLimiter(1, 60)))  # one call a minute, plenty of slots
    async with virtual_guard(600):
        async with g.admitted():  # takes the minute's only token
            pass
        try:
            async with g.admitted():
                got = f"admitted at t={now():.3f}"
        except Overloaded:
            got = f"Overloaded at t={now():.3f}"
    assert got == "Overloaded at t=5.000", (
        f"the rate limiter had no token for the next 60 s and a second caller got: {got}; expected Overloaded "
        "at t=5.000. The queue budget bounds ALL of admission, the wait for a rate-limiter token as well as "
        "the wait for a slot: put both inside the same admission deadline."
    )


async def test_waiting_callers_hold_no_slot() -> None:
    g = gate(slots=1)
    async with virtual_guard(600):
        holder = asyncio.create_task(hold_slot(g, 3))
        await asyncio.sleep(0)
        waiters = [asyncio.create_task(hold_slot(g, 1)) for _ in range(3)]
        await asyncio.sleep(1)  # the holder is in its call; three callers are queued
        while_queued = g.in_use
        await asyncio.gather(holder, *waiters, return_exceptions=True)
    assert while_queued == 1, (
        f"one caller held the only slot and three were queued for it: in_use was {while_queued}, expected 1. "
        "in_use counts slots HELD; count a caller only once it has its slot, not when it arrives."
    )
