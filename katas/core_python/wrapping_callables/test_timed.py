"""Tests for timed: durations from a monotonic clock, for sync and async calls, reported on success and failure."""

from __future__ import annotations

import asyncio
import inspect
import itertools
import logging
import time

import pytest

from katas.core_python.wrapping_callables.timed import LOGGER_NAME, timed


class Boom(Exception):
    """Raised by the timed function on purpose."""


def price(amount: int, *, vat: float = 0.2) -> float:
    """Price with VAT."""
    return amount * (1 + vat)


async def fetch_report(report_id: str) -> str:
    """Pretend to wait five seconds for a slow upstream."""
    await asyncio.sleep(5)
    return f"report {report_id}"


def scripted_clock(*readings: float):  # type: ignore[no-untyped-def]
    return iter(readings).__next__


def test_sync_call_reports_qualname_and_duration() -> None:
    seen: list[tuple[str, float]] = []
    timed_price = timed(clock=scripted_clock(10.0, 12.5), sink=lambda name, s: seen.append((name, s)))(price)
    got = timed_price(100, vat=0.5)
    assert got == 150.0, f"the decorated function returned {got!r}, expected 150.0 (its own result)"
    assert seen == [("price", 2.5)], (
        f"the sink got {seen!r}, expected [('price', 2.5)]: read the clock before the call (10.0) and "
        "after it (12.5), and report the function's __qualname__ with the difference"
    )


@pytest.mark.looptime
async def test_async_call_is_timed_while_it_runs() -> None:
    seen: list[tuple[str, float]] = []
    loop = asyncio.get_running_loop()
    timed_fetch = timed(clock=loop.time, sink=lambda name, s: seen.append((name, s)))(fetch_report)
    assert inspect.iscoroutinefunction(timed_fetch), (
        "the decorated async function is no longer a coroutine function: build an `async def` wrapper "
        "when inspect.iscoroutinefunction(func) is true (FastAPI and others check this)"
    )
    got = await timed_fetch("r-1")
    assert got == "report r-1", f"the awaited result is {got!r}, expected 'report r-1'"
    assert len(seen) == 1 and seen[0][1] == pytest.approx(5.0, abs=1e-3), (
        f"the sink got {seen!r}, expected one report of 5.0 s: a plain wrapper returns the coroutine "
        "before any of it has run, so it times nothing. Await the call inside an async wrapper."
    )


def test_failures_are_timed_too() -> None:
    seen: list[tuple[str, float]] = []
    error = Boom("upstream said no")

    def failing() -> None:
        raise error

    timed_failing = timed(clock=scripted_clock(1.0, 1.25), sink=lambda name, s: seen.append((name, s)))(
        failing
    )
    with pytest.raises(Boom) as caught:
        timed_failing()
    assert caught.value is error, "the original exception object must propagate unchanged"
    assert [s for _, s in seen] == [0.25], (
        f"the sink got {seen!r} for a call that raised after 0.25 s: slow failures are the ones you most "
        "need to see. Report in a `finally` block."
    )
    assert [name for name, _ in seen] == [failing.__qualname__], (
        f"the sink got the name {seen[0][0]!r}, expected the __qualname__ {failing.__qualname__!r}: __name__ "
        "('failing') cannot tell two methods or nested functions of the same name apart"
    )


def test_default_clock_is_monotonic(monkeypatch: pytest.MonkeyPatch) -> None:
    # The wall clock jumps back 60 s during the call (an NTP correction); it never runs out of readings.
    monkeypatch.setattr(time, "time", itertools.chain([100.0], itertools.repeat(40.0)).__next__)
    seen: list[float] = []
    timed_price = timed(sink=lambda _name, s: seen.append(s))(price)
    timed_price(10)
    assert len(seen) == 1 and seen[0] >= 0, (
        f"reported {seen!r} while the wall clock was stepped back: a duration must never be negative. "
        "Measure with a monotonic clock (time.perf_counter), not time.time()."
    )


def test_default_sink_logs_lazily(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER_NAME)
    timed(clock=scripted_clock(0.0, 0.5))(price)(1)
    records = [r for r in caplog.records if r.name == LOGGER_NAME]
    assert len(records) == 1, (
        f"expected one INFO record from the {LOGGER_NAME!r} logger, got {len(records)}: without a sink, "
        "report through logging, which can be routed and filtered (print cannot)"
    )
    record = records[0]
    assert record.levelno == logging.INFO, f"the record's level is {record.levelname}, expected INFO"
    assert record.args and record.args[0] == "price", (
        f"record.args is {record.args!r}: log a %-style template with the qualname as its first argument "
        "(`logger.info('%s took %.3f s', name, seconds)`), not an f-string, so formatting stays lazy and "
        "aggregators can group the messages"
    )
    assert capsys.readouterr().out == "", "nothing may be printed: report through the logger"


def test_metadata_is_kept() -> None:
    decorate = timed(sink=lambda _name, _s: None)
    for func in (price, fetch_report):
        wrapped = decorate(func)
        assert wrapped.__name__ == func.__name__ and wrapped.__doc__ == func.__doc__, (
            f"{func.__name__}: the wrapper lost the name or docstring; use functools.wraps"
        )
        assert getattr(wrapped, "__wrapped__", None) is func, f"{func.__name__}: __wrapped__ is missing"
        assert inspect.signature(wrapped) == inspect.signature(func), (
            f"{func.__name__}: the signature is {inspect.signature(wrapped)}, expected {inspect.signature(func)}"
        )
