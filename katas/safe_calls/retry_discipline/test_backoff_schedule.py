"""Tests for backoff_schedule: exponential backoff with full jitter, a cap, and the server's Retry-After."""

from __future__ import annotations

import random
from datetime import timedelta
from email.utils import format_datetime

import httpx

from katakit.testkit import fixed_now, status_error
from katas.safe_calls.retry_discipline.backoff_schedule import (
    decorrelated_jitter,
    full_jitter,
    retry_delay,
)

NOW = fixed_now()()
DRAWS = 1000


def test_full_jitter_stays_under_the_ceiling() -> None:
    rng = random.Random(1)
    for attempt in range(11):
        ceiling = min(32.0, 2.0**attempt)
        for _ in range(DRAWS):
            delay = full_jitter(attempt, rng=rng)
            assert 0.0 <= delay <= ceiling, (
                f"attempt {attempt}: delay {delay:.3f} is outside [0, {ceiling:g}]. Full jitter draws "
                "uniformly BELOW the exponential ceiling min(cap, base * 2**attempt); adding jitter on top "
                "of the ceiling overshoots it."
            )


def test_full_jitter_uses_the_whole_interval() -> None:
    rng = random.Random(2)
    delays = [full_jitter(3, rng=rng) for _ in range(DRAWS)]
    assert min(delays) < 1.0 and max(delays) > 7.0, (
        f"attempt 3: 1000 draws ranged over [{min(delays):.2f}, {max(delays):.2f}]; full jitter spreads "
        "retries over the whole interval [0, 8], so some land near 0 and some near 8."
    )


def test_same_seed_same_delays() -> None:
    first = [full_jitter(n % 6, rng=rng) for rng in [random.Random(42)] for n in range(20)]
    second = [full_jitter(n % 6, rng=rng) for rng in [random.Random(42)] for n in range(20)]
    assert first == second, (
        "Two Random(42) generators gave different delays: draw from the `rng` you were given, not from the "
        "module-level `random`, so that tests (and incident replays) are reproducible."
    )


def test_different_seeds_spread_out() -> None:
    firsts = {full_jitter(3, rng=random.Random(seed)) for seed in range(DRAWS)}
    assert len(firsts) >= 990, (
        f"1000 clients (seeds) chose only {len(firsts)} distinct first delays. Without jitter every client "
        "retries at the same instant after an outage (a thundering herd); draw the delay from the rng."
    )


def test_cap_bounds_late_attempts() -> None:
    rng = random.Random(3)
    for attempt in (10, 20, 60):
        worst = max(full_jitter(attempt, rng=rng) for _ in range(DRAWS))
        assert worst <= 32.0, (
            f"attempt {attempt}: a delay of {worst:.1f} s exceeds the 32 s cap. Cap the exponential "
            "ceiling itself: min(cap, base * 2**attempt), not min(cap, base) * 2**attempt."
        )
        assert worst > 16.0, f"attempt {attempt}: the cap is 32 s, yet no draw exceeded {worst:.1f} s."


def test_decorrelated_jitter_bounds() -> None:
    rng = random.Random(4)
    for previous in (1.0, 2.5, 8.0, 20.0, 32.0):
        draws = [decorrelated_jitter(previous, rng=rng) for _ in range(DRAWS)]
        upper = min(32.0, 3 * previous)
        assert all(1.0 <= d <= upper for d in draws), (
            f"previous={previous}: decorrelated draws ranged [{min(draws):.2f}, {max(draws):.2f}]; each "
            f"must lie in [base, min(cap, previous * 3)] = [1, {upper:g}]."
        )
        assert len(set(draws)) > DRAWS // 4, f"previous={previous}: the draws barely vary; use the rng."


def test_retry_delay_honours_retry_after() -> None:
    rng = random.Random(5)
    got = retry_delay(0, status_error(429, {"Retry-After": "7"}), rng=rng, now=NOW)
    assert got == 7.0, f"429 with Retry-After: 7 must wait exactly 7.0 s (the server said so); got {got!r}."
    got = retry_delay(0, status_error(503, {"Retry-After": "3600"}), rng=rng, now=NOW)
    assert got == 60.0, (
        f"Retry-After: 3600 must be capped at max_retry_after=60.0; got {got!r}. Honour the server, but never "
        "let one header park a request for an hour."
    )
    date = format_datetime(NOW + timedelta(seconds=12), usegmt=True)
    got = retry_delay(1, status_error(429, {"Retry-After": date}), rng=rng, now=NOW)
    assert got == 12.0, f"Retry-After {date!r} is 12 s after `now`: expected 12.0, got {got!r}."


def test_retry_delay_falls_back_to_full_jitter() -> None:
    for attempt, exc in ((0, status_error(503)), (2, httpx.ReadTimeout("slow", request=None))):
        got = retry_delay(attempt, exc, rng=random.Random(6), now=NOW)
        expected = full_jitter(attempt, rng=random.Random(6))
        assert got == expected, (
            f"{type(exc).__name__} at attempt {attempt} carries no Retry-After, so the delay is full jitter "
            f"drawn from the same rng: expected {expected!r}, got {got!r}."
        )
