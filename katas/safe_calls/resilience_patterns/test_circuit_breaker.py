"""Tests for circuit_breaker: open on consecutive failures, fail fast, probe carefully, reset on every transition."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from freezegun import freeze_time

from katakit.testkit import FakeClock, ScriptedVendor, virtual_guard
from katas.safe_calls.resilience_patterns.circuit_breaker import (
    CircuitBreaker,
    CircuitOpen,
    State,
    counts_as_failure,
)


def _breaker(clock: FakeClock, **options: float) -> CircuitBreaker:
    settings: dict[str, float] = {"failure_threshold": 5, "success_threshold": 2, "open_s": 60.0}
    settings.update(options)
    return CircuitBreaker(clock=clock, **settings)  # type: ignore[arg-type]


def _trip(breaker: CircuitBreaker, failures: int = 5, *, why: str = "") -> None:
    """`failures` admitted calls that each fail; a CircuitOpen on the way fails the test, explained."""
    for done in range(failures):
        try:
            breaker.before_call()
        except CircuitOpen as exc:
            retry_after = exc.retry_after
        else:
            breaker.record_failure()
            continue
        pytest.fail(  # outside the `except`, so the report shows this explanation, not a bare CircuitOpen
            f"before_call() raised CircuitOpen(retry_after={retry_after!r}) after {done} of {failures} "
            f"failures in a row: the breaker was already OPEN, earlier than the test expects. "
            f"{why or 'It must open at the failure_threshold-th CONSECUTIVE failure, not before.'}"
        )


def _half_open(clock: FakeClock, **options: float) -> CircuitBreaker:
    breaker = _breaker(clock, **options)
    _trip(breaker)
    clock.advance(breaker.open_s)
    assert breaker.state is State.HALF_OPEN, f"expected HALF_OPEN once open_s has passed, got {breaker.state}"
    return breaker


def test_opens_after_consecutive_failures() -> None:
    clock = FakeClock()
    breaker = _breaker(clock)
    _trip(breaker, 4)
    breaker.before_call()
    breaker.record_success()
    _trip(
        breaker,
        4,
        why="4 failures, a success, then 4 more must leave a 5-failure breaker CLOSED: the threshold counts "
        "CONSECUTIVE failures, so a success in CLOSED starts the count again (a success shows the vendor "
        "is answering).",
    )
    assert breaker.state is State.CLOSED, (
        f"4 failures, a success, then 4 more failures: expected CLOSED, got {breaker.state}. The threshold "
        "counts CONSECUTIVE failures; a success in between shows the vendor is answering."
    )
    _trip(breaker, 1)
    assert breaker.state is State.OPEN, (
        f"the 5th consecutive failure must open the breaker, got {breaker.state}."
    )


def test_open_breaker_fails_fast_and_says_when() -> None:
    clock = FakeClock()
    breaker = _breaker(clock)
    _trip(breaker)
    clock.advance(15)
    with pytest.raises(CircuitOpen) as caught:
        breaker.before_call()
    assert caught.value.retry_after == pytest.approx(45.0), (
        f"15 s into a 60 s open period, CircuitOpen.retry_after must be 45.0, got {caught.value.retry_after!r}."
    )


def test_half_open_exactly_at_open_s() -> None:
    clock = FakeClock()
    breaker = _breaker(clock)
    _trip(breaker)
    clock.advance(59.5)
    assert breaker.state is State.OPEN, (
        f"at 59.5 s of a 60 s open period: expected OPEN, got {breaker.state}."
    )
    clock.advance(0.5)
    assert breaker.state is State.HALF_OPEN, (
        f"at exactly open_s (60 s) the breaker must be HALF_OPEN, got {breaker.state}. Compare with >=."
    )


def test_half_open_limits_probes_and_neutral_frees_one() -> None:
    clock = FakeClock()
    breaker = _half_open(clock, half_open_max_probes=2)
    breaker.before_call()
    breaker.before_call()
    with pytest.raises(CircuitOpen):
        breaker.before_call()
        pytest.fail(
            "half-open with half_open_max_probes=2 admitted a third caller. Only the probes may call a vendor "
            "that is maybe still down; everyone else fails fast."
        )
    breaker.record_neutral()  # one probe got a 404: it says nothing about the vendor...
    try:
        breaker.before_call()  # ...but its probe slot must be free again
    except CircuitOpen:
        pytest.fail(
            "a neutral probe (a 404, a cancelled call) must free its probe slot; otherwise the breaker is stuck "
            "half-open forever, rejecting everyone."
        )
    assert breaker.state is State.HALF_OPEN, (
        f"a neutral record must not change the state, got {breaker.state}."
    )


def test_half_open_closes_after_successes_or_reopens_on_a_failure() -> None:
    clock = FakeClock()
    breaker = _half_open(clock, success_threshold=2)
    breaker.before_call()
    breaker.record_success()
    assert breaker.state is State.HALF_OPEN, (
        f"one probe success of the two needed: expected HALF_OPEN still, got {breaker.state}."
    )
    breaker.before_call()
    breaker.record_success()
    assert breaker.state is State.CLOSED, f"two probe successes must close the breaker, got {breaker.state}."

    breaker = _half_open(clock, success_threshold=2)
    breaker.before_call()
    breaker.record_failure()
    assert breaker.state is State.OPEN, (
        f"a probe failure must reopen the breaker at once, got {breaker.state}."
    )
    with pytest.raises(CircuitOpen) as caught:
        breaker.before_call()
    assert caught.value.retry_after == pytest.approx(60.0), (
        f"a probe failure starts a FULL open period again: expected retry_after 60.0, got {caught.value.retry_after!r}."
    )


def test_a_second_outage_needs_the_full_recovery() -> None:
    clock = FakeClock()
    breaker = _half_open(clock, success_threshold=2)
    for _ in range(2):
        breaker.before_call()
        breaker.record_success()
    assert breaker.state is State.CLOSED, "the first recovery must close the breaker after two successes."
    _trip(
        breaker,
        4,
        why="After a recovery, 4 new failures must not open a 5-failure breaker: the failure count of the "
        "last outage carried over. Counters belong to a state: reset them on every transition.",
    )
    assert breaker.state is State.CLOSED, (
        f"after a recovery, 4 new failures must not open a 5-failure breaker; got {breaker.state}. The failure "
        "count of the last outage carried over: reset counters when entering a state."
    )
    _trip(breaker, 1)
    clock.advance(60)
    assert breaker.state is State.HALF_OPEN
    breaker.before_call()
    breaker.record_success()
    assert breaker.state is State.HALF_OPEN, (
        f"second outage: ONE probe success must not close a breaker that needs two; got {breaker.state}. The "
        "success count carried over from the last recovery: reset counters when entering a state."
    )


async def _exchange(vendor: ScriptedVendor) -> None:
    async with vendor.client() as client:
        response = await client.get("/v1/models")
        response.raise_for_status()


OUTCOMES = {
    "503": (503, State.OPEN),
    "404": (404, State.HALF_OPEN),
    "ConnectError": (httpx.ConnectError, State.OPEN),
    "ReadTimeout": (httpx.ReadTimeout, State.OPEN),
    "200": (200, State.CLOSED),
}


def _status_error(status: int) -> httpx.HTTPStatusError:
    request = httpx.Request("GET", "https://vendor.test/v1/models")
    response = httpx.Response(status, request=request)
    return httpx.HTTPStatusError(f"{status}", request=request, response=response)


_REQUEST = httpx.Request("GET", "https://vendor.test/v1/models")
CLASSIFIED: dict[str, tuple[BaseException, bool]] = {
    "500": (_status_error(500), True),
    "503": (_status_error(503), True),
    "404": (_status_error(404), False),
    "429": (_status_error(429), False),
    "ReadTimeout": (httpx.ReadTimeout("slow", request=_REQUEST), True),
    "ConnectError": (httpx.ConnectError("refused", request=_REQUEST), True),
    "RemoteProtocolError": (httpx.RemoteProtocolError("peer closed", request=_REQUEST), True),
    "builtin TimeoutError": (TimeoutError(), True),
    "UnsupportedProtocol": (httpx.UnsupportedProtocol("ftp://", request=_REQUEST), False),
    "ValueError": (ValueError("a bug of ours"), False),
    "CancelledError": (asyncio.CancelledError(), False),
}


@pytest.mark.parametrize("label", CLASSIFIED)
def test_counts_as_failure_blames_only_the_vendor(label: str) -> None:
    exc, expected = CLASSIFIED[label]
    got = counts_as_failure(exc)
    assert got is expected, (
        f"counts_as_failure({label}) must be {expected}; got {got!r}. Only what says the vendor is unhealthy "
        "counts: 5xx, timeouts (httpx's and the builtin TimeoutError an asyncio.timeout raises), connection "
        "and protocol errors. A 4xx is our request's fault, a cancel means the caller left, and an "
        "UnsupportedProtocol or a ValueError is a bug in our code: counting those opens the breaker on a "
        "healthy vendor."
    )


@pytest.mark.parametrize("label", OUTCOMES)
async def test_guard_classifies_what_happened(label: str) -> None:
    step, expected = OUTCOMES[label]
    clock = FakeClock()
    breaker = _half_open(clock, success_threshold=1)
    vendor = ScriptedVendor([step])
    try:
        async with breaker.guard():
            await _exchange(vendor)
    except (httpx.HTTPStatusError, httpx.TransportError):
        pass
    assert vendor.calls == 1, "the guarded call must reach the vendor exactly once."
    assert breaker.state is expected, (
        f"a half-open probe that ended with {label}: expected {expected}, got {breaker.state}. 5xx, connection "
        "errors and timeouts are the vendor's failures; a 404 is our request's fault (neutral); 200 is success."
    )
    if expected is State.HALF_OPEN:
        breaker.before_call()  # the neutral probe freed its slot: this must not raise


@pytest.mark.looptime
async def test_guard_treats_cancellation_as_neutral() -> None:
    clock = FakeClock()
    breaker = _half_open(clock, success_threshold=1)
    vendor = ScriptedVendor([(200, 100.0)])  # the vendor is slow...

    async def probe() -> None:
        async with breaker.guard():
            await _exchange(vendor)

    async with virtual_guard(600, "the cancelled probe"):
        task = asyncio.create_task(probe())
        await asyncio.sleep(1)
        task.cancel()  # ...and the client went away
        with pytest.raises(asyncio.CancelledError):
            await task
    assert breaker.state is State.HALF_OPEN, (
        f"a cancelled probe (the user closed the tab) says nothing about the vendor: expected HALF_OPEN, got "
        f"{breaker.state}. Cancellation is neither a success nor a vendor failure."
    )
    try:
        breaker.before_call()
    except CircuitOpen:
        pytest.fail("the cancelled probe must free its probe slot (record it as neutral).")


def test_default_clock_is_monotonic_time(monkeypatch: pytest.MonkeyPatch) -> None:
    wall = [1_768_478_400.0]  # the wall clock, moved by hand: it disagrees with the monotonic clock below
    with freeze_time("2026-01-15 12:00:00") as frozen, monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: wall[0])  # undone before freezegun's own patches are
        breaker = CircuitBreaker(failure_threshold=1, open_s=60)
        breaker.before_call()
        breaker.record_failure()
        assert breaker.state is State.OPEN
        wall[0] += 3600  # NTP steps the wall clock an hour forward; no time has really passed
        after_wall_jump = breaker.state
        frozen.tick(61)  # 61 s really pass (time.monotonic moves); the wall clock stays where NTP put it
        after_real_time = breaker.state
    assert after_wall_jump is State.OPEN, (
        "the wall clock (time.time) jumped an hour forward while no time really passed, and the breaker went "
        f"{after_wall_jump}; expected it to stay OPEN. Wall-clock time jumps (NTP corrections, a VM resumed): a "
        "breaker timed with it reopens to a failing vendor too early, or stays open far too long when the "
        "clock steps back. With no clock given, the default must be time.monotonic."
    )
    assert after_real_time is State.HALF_OPEN, (
        "with no clock given the breaker must use time.monotonic (looked up when the breaker is built, "
        f"so it can be frozen in tests): 61 s later expected HALF_OPEN, got {after_real_time}."
    )
