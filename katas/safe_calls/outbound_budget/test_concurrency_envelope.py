"""Tests for concurrency_envelope: a rate limiter bounds starts, not concurrency; the timeout closes the envelope.

The simulations run the real aiolimiter under looptime: minutes of virtual time in milliseconds.
"""

from __future__ import annotations

import pytest
from aiolimiter import AsyncLimiter

from katakit.testkit import virtual_guard
from katas.safe_calls.outbound_budget.concurrency_envelope import (
    effective_ceiling,
    measure_envelope,
    peak_in_flight_bound,
)


@pytest.mark.parametrize(
    ("rate", "period", "timeout", "expected"), [(1, 1, 30, 31), (60, 60, 30, 90), (80, 60, 5, 87)]
)
def test_bound_is_burst_plus_rate_times_timeout(
    rate: float, period: float, timeout: float, expected: int
) -> None:
    got = peak_in_flight_bound(rate, period, timeout)
    assert got == expected, (
        f"AsyncLimiter({rate}, {period}) with call_timeout={timeout}: expected a bound of {expected}, got {got!r}. "
        "rate x timeout is only the steady part (Little's law, rounded up); the limiter also lets a burst of "
        "max_rate calls start at once, because its bucket starts full."
    )


@pytest.mark.looptime
async def test_simulated_peak_stays_within_the_bound() -> None:
    bound = peak_in_flight_bound(60, 60, 30)
    async with virtual_guard(3600):
        stats = await measure_envelope(
            AsyncLimiter(60, 60), n_calls=200, call_timeout=30, vendor_latency=1000
        )
    assert bound - 1 <= stats.peak <= bound, (
        f"AsyncLimiter(60, 60), 200 calls, a hanging vendor, call_timeout=30: observed {stats.peak} attempts in "
        f"flight, your bound says {bound}. Expected the observation within [bound - 1, bound] (the -1: one "
        "attempt may end at the very instant another starts). A bound of 30 forgets the initial burst of 60."
    )


@pytest.mark.looptime
async def test_even_a_slow_limiter_lets_calls_pile_up() -> None:
    async with virtual_guard(3600):
        stats = await measure_envelope(AsyncLimiter(1, 1), n_calls=40, call_timeout=30, vendor_latency=1000)
    assert stats.peak in (30, 31), (
        f"one start per second, each attempt hanging until its 30 s timeout: expected 30 or 31 in flight at the "
        f"peak, observed {stats.peak}. A rate limit of 1/s still allows ~30 concurrent calls: it bounds starts, "
        "not concurrency."
    )


@pytest.mark.looptime
@pytest.mark.parametrize(("latency", "expected"), [(60, (0, 20, 0)), (1, (20, 0, 0))])
async def test_every_attempt_is_accounted_for(latency: float, expected: tuple[int, int, int]) -> None:
    async with virtual_guard(3600):
        stats = await measure_envelope(
            AsyncLimiter(10, 1), n_calls=20, call_timeout=5, vendor_latency=latency
        )
    got = (stats.completed, stats.timed_out, stats.final_in_flight)
    assert got == expected, (
        f"20 calls, call_timeout=5, vendor latency {latency}: (completed, timed_out, final_in_flight) = {got}; "
        f"expected {expected}. A final_in_flight above 0 means the in-flight counter leaked when the timeout "
        "cancelled the call: decrement it in `finally`."
    )


def test_the_hard_ceiling_is_the_smaller_limit() -> None:
    got = [effective_ceiling(50, 80), effective_ceiling(None, 10), effective_ceiling(20, None)]
    assert got == [50, 10, 20], (
        f"effective_ceiling(50, 80), (None, 10), (20, None) gave {got}; expected [50, 10, 20]: whichever limit "
        "is smaller binds first; an unset one does not bind at all."
    )
    assert effective_ceiling(None, None) is None, "with no pool limit and no gate nothing bounds concurrency"
