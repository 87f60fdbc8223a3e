"""Tests for adaptive_retry: decide at each failure from live signals, and cap retries pod-wide."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from katakit.testkit import ScriptedVendor, SleepSpy, status_error, virtual_guard
from katas.safe_calls.resilience_patterns.adaptive_retry import (
    RetryThrottle,
    Signals,
    call_adaptively,
    retries_allowed,
)

HEALTHY = Signals(breaker_open=False, queue_wait_s=0.0, error_rate=0.0, slot_pressure=0.0)


def _with(**changes: Any) -> Signals:
    return Signals(**{**HEALTHY.__dict__, **changes})


POLICY = {
    "healthy": (HEALTHY, 3),
    "queue wait exactly 2.0 s": (_with(queue_wait_s=2.0), 3),
    "queue wait 2.01 s": (_with(queue_wait_s=2.01), 0),
    "slot pressure exactly 0.9": (_with(slot_pressure=0.9), 3),
    "slot pressure 0.91": (_with(slot_pressure=0.91), 0),
    "error rate exactly 0.5": (_with(error_rate=0.5), 2),
    "error rate 0.51": (_with(error_rate=0.51), 1),
    "error rate exactly 0.2": (_with(error_rate=0.2), 3),
    "error rate 0.21": (_with(error_rate=0.21), 2),
    "breaker open, all else healthy": (_with(breaker_open=True), 0),
}


@pytest.mark.parametrize("label", POLICY)
def test_retries_allowed_policy(label: str) -> None:
    signals, expected = POLICY[label]
    got = retries_allowed(signals)
    assert got == expected, (
        f"{label}: expected {expected} retries, got {got}. No retries while the breaker is open, the queue "
        "backs up (> 2 s) or the slots are saturated (> 0.9); fewer as the error rate rises (> 0.5: 1, "
        "> 0.2: 2). Thresholds are strict: exactly 2.0 s still allows retries."
    )


def test_throttle_arithmetic() -> None:
    throttle = RetryThrottle(max_tokens=10, token_ratio=0.1)
    assert throttle.tokens == 10 and throttle.retry_permitted(), (
        "a new throttle starts full and permits retries."
    )
    for _ in range(5):
        throttle.on_failure()
    assert throttle.tokens == pytest.approx(5.0), f"10 tokens minus 5 failures: 5, got {throttle.tokens!r}."
    assert not throttle.retry_permitted(), (
        "at 5 of 10 tokens retries must stop: they are allowed only while tokens > max_tokens / 2."
    )
    for _ in range(10):
        throttle.on_success()
    assert throttle.tokens == pytest.approx(6.0), f"5 tokens plus 10 x 0.1: 6, got {throttle.tokens!r}."
    assert throttle.retry_permitted(), "at 6 of 10 tokens retries are allowed again."
    for _ in range(100):
        throttle.on_success()
    assert throttle.tokens == pytest.approx(10.0), f"tokens never exceed max_tokens; got {throttle.tokens!r}."
    for _ in range(30):
        throttle.on_failure()
    assert throttle.tokens == 0.0, f"tokens never go below 0; got {throttle.tokens!r}."
    throttle.on_success()
    assert throttle.tokens == pytest.approx(0.1), (
        f"from an empty bucket one success gives 0.1; got {throttle.tokens!r} (a negative balance leaked)."
    )


def _retryable(exc: BaseException) -> bool:
    return isinstance(exc, httpx.HTTPStatusError) and exc.response.status_code >= 500


@pytest.mark.looptime
async def test_signals_are_read_again_at_each_failure() -> None:
    live = {"signals": HEALTHY}
    calls = 0

    async def fn() -> str:
        nonlocal calls
        calls += 1
        live["signals"] = _with(breaker_open=True)  # the breaker opens while attempt 1 fails
        raise status_error(503)

    async with virtual_guard(600, "call_adaptively"):
        with pytest.raises(httpx.HTTPStatusError):
            await call_adaptively(
                fn,
                throttle=RetryThrottle(),
                signals=lambda: live["signals"],
                is_retryable=_retryable,
                backoff=lambda k: 1.0,
            )
    assert calls == 1, (
        f"the breaker opened during attempt 1, yet fn was called {calls} times. Decide 'may I retry?' at the "
        "moment of failure, from signals read then, not once before the loop."
    )


@pytest.mark.looptime
async def test_backoff_before_each_retry_and_never_after_the_last() -> None:
    sleep = SleepSpy()
    calls = 0

    async def fn() -> str:
        nonlocal calls
        calls += 1
        raise status_error(502)

    async with virtual_guard(600, "call_adaptively"):
        with pytest.raises(httpx.HTTPStatusError):
            await call_adaptively(
                fn,
                throttle=RetryThrottle(),
                signals=lambda: HEALTHY,
                is_retryable=_retryable,
                backoff=lambda k: 2.0**k,
                sleep=sleep,
            )
    assert calls == 4, f"healthy signals allow 3 retries: expected 4 attempts, got {calls}."
    assert sleep.delays == [1.0, 2.0, 4.0], (
        f"expected sleeps backoff(0), backoff(1), backoff(2) = [1.0, 2.0, 4.0] between the attempts, got "
        f"{sleep.delays}. Never sleep after the final attempt: that only delays the error."
    )


@pytest.mark.looptime
async def test_a_client_error_is_not_retried_and_costs_no_budget() -> None:
    throttle = RetryThrottle()
    calls = 0

    async def fn() -> str:
        nonlocal calls
        calls += 1
        raise status_error(422)

    async with virtual_guard(600, "call_adaptively"):
        with pytest.raises(httpx.HTTPStatusError):
            await call_adaptively(
                fn, throttle=throttle, signals=lambda: HEALTHY, is_retryable=_retryable, backoff=lambda k: 1.0
            )
    assert calls == 1, f"a 422 fails the same way every time: expected 1 attempt, got {calls}."
    assert throttle.tokens == 10.0, (
        f"a client error says nothing about the vendor's health: the throttle must be untouched (10.0), got "
        f"{throttle.tokens!r}."
    )


@pytest.mark.looptime
async def test_the_throttle_is_charged_before_it_is_asked_and_credited_on_success() -> None:
    throttle = RetryThrottle(max_tokens=10, token_ratio=0.1)
    for _ in range(4):
        throttle.on_failure()  # 6 of 10 tokens left: one more failure reaches the half-way line
    calls = 0

    async def failing() -> str:
        nonlocal calls
        calls += 1
        raise status_error(503)

    async with virtual_guard(600, "call_adaptively"):
        with pytest.raises(httpx.HTTPStatusError):
            await call_adaptively(
                failing,
                throttle=throttle,
                signals=lambda: HEALTHY,
                is_retryable=_retryable,
                backoff=lambda k: 1.0,
            )
    assert calls == 1, (
        f"the bucket held 6 of 10 tokens; this failure costs one, leaving 5, which is not more than half: no "
        f"retry may follow, but fn was called {calls} times. Charge the failure first (on_failure), then ask "
        "retry_permitted(): the failure that empties the budget must not buy one more retry."
    )
    outcomes = iter([status_error(503), None])

    async def flaky() -> str:
        error = next(outcomes)
        if error is not None:
            raise error
        return "ok"

    throttle = RetryThrottle(max_tokens=10, token_ratio=0.1)
    async with virtual_guard(600, "call_adaptively"):
        got = await call_adaptively(
            flaky, throttle=throttle, signals=lambda: HEALTHY, is_retryable=_retryable, backoff=lambda k: 1.0
        )
    assert got == "ok" and throttle.tokens == pytest.approx(9.1), (
        f"one failure (-1) then a success (+0.1) from a full bucket of 10: expected 9.1 tokens, got "
        f"{throttle.tokens!r}. Every success must call on_success(): without it the pod-wide budget only "
        "ever drains, and after a few bad minutes the pod never retries again."
    )


async def _storm(throttle: RetryThrottle, requests: int = 100) -> int:
    vendor = ScriptedVendor([503])  # the vendor is down: every attempt fails

    async def one_call(client: httpx.AsyncClient) -> None:
        async def fn() -> httpx.Response:
            response = await client.post("/v1/chat", json={})
            return response.raise_for_status()

        await call_adaptively(
            fn,
            throttle=throttle,
            signals=lambda: HEALTHY,
            is_retryable=_retryable,
            backoff=lambda k: 0.1 * 2**k,
        )

    async with virtual_guard(600, "the retry storm"), vendor.client() as client:
        results = await asyncio.gather(*(one_call(client) for _ in range(requests)), return_exceptions=True)
    assert all(isinstance(r, httpx.HTTPStatusError) for r in results), (
        "every call must end in the vendor's 503."
    )
    return vendor.calls


@pytest.mark.looptime
async def test_a_pod_wide_budget_stops_a_retry_storm() -> None:
    attempts = await _storm(RetryThrottle(max_tokens=10))
    assert attempts <= 105, (
        f"retry storm: 100 requests against a vendor that is down made {attempts} vendor calls. A pod-wide "
        "retry budget (max_tokens=10) must stop retrying after a handful of failures: at most 105 calls."
    )
    unlimited = await _storm(RetryThrottle(max_tokens=1e9), requests=25)
    assert unlimited == 100, (
        f"for contrast, with an effectively unlimited budget every request makes 4 attempts (3 retries): 25 "
        f"requests must make 100 calls, got {unlimited}. At 100 requests that is 400 calls, the multiplication "
        "the budget prevents."
    )
