"""Tests for guaranteed_cleanup: exactly one record per call, shielded, bounded, and never a new vendor call."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from katakit.testkit import virtual_guard
from katas.safe_calls.production_stack.guaranteed_cleanup import Outcome, run_and_record

pytestmark = pytest.mark.looptime


class Recorder:
    """An async metrics sink: appends (outcome, duration) after `delay` s; may fail instead."""

    def __init__(self, delay: float = 0.0, fail: bool = False) -> None:
        self.delay, self.fail = delay, fail
        self.records: list[tuple[Outcome, float]] = []

    async def __call__(self, outcome: Outcome, duration: float) -> None:
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.fail:
            raise ConnectionError("metrics sink unreachable")
        self.records.append((outcome, duration))


class Work:
    """The vendor call: counts invocations, sleeps `seconds`, then returns `value` or raises `error`."""

    def __init__(self, seconds: float, value: object = "answer", error: BaseException | None = None) -> None:
        self.seconds, self.value, self.error = seconds, value, error
        self.calls = 0

    async def __call__(self) -> object:
        self.calls += 1
        await asyncio.sleep(self.seconds)
        if self.error is not None:
            raise self.error
        return self.value


def _clock() -> Callable[[], float]:
    return asyncio.get_running_loop().time


async def _assert_cancelled(task: asyncio.Task[object]) -> None:
    await asyncio.gather(task, return_exceptions=True)
    if task.cancelled():
        return
    ending = f"raised {task.exception()!r}" if task.exception() else f"returned {task.result()!r}"
    pytest.fail(
        f"the caller was cancelled, so run_and_record must end cancelled (CancelledError propagates after the "
        f"record); it {ending}. Swallowing CancelledError makes the cancelled task look like it finished: "
        "asyncio.timeout, TaskGroup and shutdown all rely on the cancel coming back out. Record, then re-raise."
    )


async def test_success_records_ok_with_its_duration() -> None:
    recorder, work = Recorder(), Work(3.0)
    got = await run_and_record(work, timeout_s=30, record=recorder, clock=_clock())
    assert got == "answer", f"run_and_record must return what work returned; got {got!r}."
    assert recorder.records == [("ok", pytest.approx(3.0, abs=1e-3))], (
        f"a 3 s success must be recorded once as ('ok', 3.0); got {recorder.records}. Measure durations "
        "with the injected clock: time.time() does not move with the event loop's (virtual) time."
    )


async def test_timeout_records_timeout_at_the_limit() -> None:
    recorder, work = Recorder(), Work(100.0)
    loop = asyncio.get_running_loop()
    with pytest.raises(TimeoutError):
        await run_and_record(work, timeout_s=5, record=recorder, clock=_clock())
    assert loop.time() == pytest.approx(5.0, abs=1e-3), (
        f"TimeoutError must come at t=5, came at {loop.time():g}."
    )
    assert recorder.records == [("timeout", pytest.approx(5.0, abs=1e-3))], (
        f"expected one ('timeout', 5.0) record, got {recorder.records}."
    )


async def test_error_records_error_and_propagates() -> None:
    recorder, work = Recorder(), Work(2.0, error=KeyError("missing"))
    with pytest.raises(KeyError):
        await run_and_record(work, timeout_s=30, record=recorder, clock=_clock())
    assert recorder.records == [("error", pytest.approx(2.0, abs=1e-3))], (
        f"a KeyError after 2 s must be recorded once as ('error', 2.0) and re-raised; got {recorder.records}."
    )


async def test_cancellation_from_outside_is_recorded() -> None:
    recorder, work = Recorder(), Work(100.0)
    task = asyncio.create_task(run_and_record(work, timeout_s=60, record=recorder, clock=_clock()))
    await asyncio.sleep(10)
    task.cancel()  # the client went away
    await _assert_cancelled(task)
    assert recorder.records == [("cancelled", pytest.approx(10.0, abs=1e-3))], (
        f"the caller was cancelled at t=10: expected one ('cancelled', 10.0) record, got {recorder.records}. "
        "Cancellation is not a timeout: a handler in `except TimeoutError` never runs and the metric is "
        "lost. Record in `finally`."
    )


async def test_a_second_cancel_does_not_kill_the_record() -> None:
    recorder, work = Recorder(delay=0.5), Work(100.0)
    task = asyncio.create_task(run_and_record(work, timeout_s=60, record=recorder, clock=_clock()))
    await asyncio.sleep(10)
    task.cancel()
    await asyncio.sleep(0.2)  # the record is being written...
    task.cancel()  # ...and the caller is cancelled again
    await _assert_cancelled(task)
    await asyncio.sleep(1)  # let the loop run on
    assert recorder.records == [("cancelled", pytest.approx(10.0, abs=1e-3))], (
        f"a second cancel arrived while the record was being written; the record must still land, got "
        f"{recorder.records}. Start the record as its own task and await it through asyncio.shield."
    )


async def test_a_hung_recorder_is_abandoned_after_cleanup_timeout() -> None:
    recorder, work = Recorder(delay=3600), Work(2.0)
    loop = asyncio.get_running_loop()
    async with virtual_guard(7200, "run_and_record with a hung recorder"):
        got = await run_and_record(work, timeout_s=30, record=recorder, clock=_clock(), cleanup_timeout_s=1.0)
    assert got == "answer", f"the work succeeded; its result must still be returned, got {got!r}."
    assert loop.time() == pytest.approx(3.0, abs=1e-3), (
        f"work ended at t=2 and cleanup_timeout_s is 1, so the caller must be done at t=3; it finished at "
        f"t={loop.time():g}. A stuck metrics sink must not hold the request hostage: bound the cleanup."
    )


@pytest.mark.parametrize("scenario", ["ok", "timeout", "error"])
async def test_work_runs_exactly_once(scenario: str) -> None:
    work = {"ok": Work(1.0), "timeout": Work(100.0), "error": Work(1.0, error=KeyError("x"))}[scenario]
    expected = {"ok": None, "timeout": TimeoutError, "error": KeyError}[scenario]
    async with virtual_guard(600, "run_and_record"):
        if expected is None:
            await run_and_record(work, timeout_s=5, record=Recorder(), clock=_clock())
        else:
            with pytest.raises(expected):
                await run_and_record(work, timeout_s=5, record=Recorder(), clock=_clock())
    assert work.calls == 1, (
        f"{scenario}: work() was called {work.calls} times. Cleanup records what happened; it never retries "
        "and never starts new vendor work (that belongs to the retry layer, outside)."
    )


@pytest.mark.parametrize("scenario", ["ok", "error"])
async def test_a_failing_recorder_masks_nothing(scenario: str) -> None:
    recorder = Recorder(fail=True)
    if scenario == "ok":
        got = await run_and_record(Work(1.0), timeout_s=5, record=recorder, clock=_clock())
        assert got == "answer", f"the recorder failed but the work succeeded: expected 'answer', got {got!r}."
    else:
        with pytest.raises(KeyError):
            await run_and_record(Work(1.0, error=KeyError("x")), timeout_s=5, record=recorder, clock=_clock())
