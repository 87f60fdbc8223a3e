"""Tests for loop_lag_monitor: blocking code shows up as lag, and the monitor cleans up after itself.

looptime cannot see blocking code (synchronous work costs zero loop time), so these tests inject a
FakeLoopClock: loop time plus an offset that `clock.block(s)` moves, as a blocking call would.
"""

from __future__ import annotations

import asyncio
import threading

import pytest

from katakit.testkit import FakeLoopClock, virtual_guard
from katas.concurrency.choosing_concurrency.loop_lag_monitor import LoopLagMonitor


class PaymentDeclined(Exception):
    """An error raised by the observed code."""


def _others() -> set[asyncio.Task[object]]:
    return asyncio.all_tasks() - {asyncio.current_task()}  # type: ignore[operator]


def test_can_be_built_without_a_running_loop() -> None:
    try:
        monitor = LoopLagMonitor(interval=0.1)
    except RuntimeError as exc:
        pytest.fail(
            f"building a monitor outside a running loop raised {exc!r}: __init__ may run at import time or in "
            "sync start-up code. Only store the settings there; read the loop's clock and create the sampling "
            "task in __aenter__."
        )
    assert monitor.max_lag == 0.0, f"max_lag is 0.0 before any sample; got {monitor.max_lag!r}"


@pytest.mark.looptime
async def test_a_free_loop_has_no_lag() -> None:
    clock = FakeLoopClock()
    async with LoopLagMonitor(interval=0.1, clock=clock) as monitor:
        await asyncio.sleep(0.35)  # three full samples, nothing blocking
    assert monitor.max_lag == pytest.approx(0.0, abs=1e-6), (
        f"Nothing blocked the loop, so every sample woke exactly `interval` later: expected max_lag 0.0, got "
        f"{monitor.max_lag!r}. Lag is the time beyond the interval you asked to sleep (elapsed - interval)."
    )


@pytest.mark.looptime
async def test_blocking_code_shows_up_as_lag() -> None:
    clock = FakeLoopClock()
    async with LoopLagMonitor(interval=0.1, clock=clock) as monitor:
        await asyncio.sleep(0.05)
        clock.block(0.4)  # as if a synchronous call held the loop's thread for 0.4 s
        await asyncio.sleep(0.2)
    assert clock.reads > 0, (
        "the injected clock was never read: measure with the clock you were given (default: the loop's)."
    )
    assert monitor.max_lag == pytest.approx(0.4, abs=1e-6), (
        f"the loop was blocked for 0.4 s while the monitor slept, so it woke 0.4 s late: expected max_lag "
        f"0.4, got {monitor.max_lag!r}."
    )


@pytest.mark.looptime
async def test_exit_stops_the_sampling_task() -> None:
    async with virtual_guard(1, what="leaving the monitor"):
        async with LoopLagMonitor(interval=0.1, clock=FakeLoopClock()):
            await asyncio.sleep(0.25)
        leftover = _others()
    assert not leftover, (
        f"monitor task still running after exit: {leftover}. cancel() only asks a task to stop; await it "
        "(suppressing the CancelledError it ends with) so it has really finished when __aexit__ returns."
    )


@pytest.mark.looptime
async def test_an_error_in_the_body_still_stops_the_monitor() -> None:
    with pytest.raises(PaymentDeclined):
        async with LoopLagMonitor(interval=0.1, clock=FakeLoopClock()):
            await asyncio.sleep(0.15)
            raise PaymentDeclined("card 4242")
    assert not _others(), (
        "the body raised and the monitor task kept running: __aexit__ runs on errors too; stop the task "
        "whatever happened, and let the body's exception propagate."
    )


async def test_real_blocking_is_seen_without_fake_time() -> None:
    # Real time, no looptime: the body blocks the loop's thread for 20 ms (Event.wait blocks like any
    # synchronous call would). Lag can only come out larger than that, so this cannot flake.
    async with LoopLagMonitor(interval=0.005) as monitor:
        await asyncio.sleep(0)  # let the sampler start
        threading.Event().wait(0.02)
        await asyncio.sleep(0.006)  # let it wake and record
    assert monitor.max_lag >= 0.01, (
        f"the loop was blocked for 20 ms, yet max_lag is {monitor.max_lag!r}: by default, measure with the "
        "running loop's clock (loop.time())."
    )
