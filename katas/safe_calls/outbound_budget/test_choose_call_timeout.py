"""Tests for choose_call_timeout: the call budget comes from the latency tail, not from the average."""

from __future__ import annotations

import random

import pytest

from katas.safe_calls.outbound_budget.choose_call_timeout import choose_call_timeout, percentile

TEN = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]
SKEWED = [1.0] * 95 + [20.0] * 5  # mean 1.95 s; 5 % of healthy calls take 20 s


@pytest.mark.parametrize(
    ("q", "expected"), [(50, 5.0), (90, 9.0), (95, 10.0), (100, 10.0), (10, 1.0), (25, 3.0), (94, 10.0)]
)
def test_nearest_rank_percentile(q: float, expected: float) -> None:
    got = percentile(TEN, q)
    assert got == expected, (
        f"percentile(1..10, q={q}) should be {expected} (nearest rank: the element at rank ceil(q/100*n)); "
        f"got {got!r}. Interpolating invents latencies nobody observed, and rounding a fractional rank (2.5, "
        "9.4) down picks a sample below the percentile: round the rank UP."
    )


def test_budget_comes_from_the_tail_not_the_mean() -> None:
    got = choose_call_timeout(SKEWED)
    assert got == pytest.approx(24.0), (
        f"95 calls of 1 s and 5 of 20 s: expected p99 x 1.2 = 24.0 s, got {got!r}. A budget near the mean "
        "(about 2 s) or the median (1 s) would time out the 5 % of healthy calls that take 20 s, and a "
        "retry loop would then multiply that load."
    )


def test_budget_is_clamped() -> None:
    low = choose_call_timeout([0.05] * 50)
    high = choose_call_timeout([400.0] * 50)
    assert (low, high) == (1.0, 120.0), (
        f"very fast calls gave {low!r} (expected the floor 1.0) and very slow ones {high!r} (expected the "
        "ceiling 120.0): clamp after applying the margin."
    )


def test_empty_sample_is_an_error() -> None:
    with pytest.raises(ValueError):
        percentile([], 99)
    with pytest.raises(ValueError):
        choose_call_timeout([])


@pytest.mark.parametrize("q", [0, -5, 100.5, 990])
def test_q_outside_the_range_is_an_error(q: float) -> None:
    try:
        got: object = percentile(TEN, q)
    except ValueError:
        return
    except Exception as exc:  # any other outcome is the failure explained below
        got = exc
    pytest.fail(
        f"percentile(1..10, q={q}) gave {got!r}; expected ValueError: q must be in (0, 100]. Without the check "
        "q=0 reaches rank 0, which indexes the LAST sample, and a typo in a config becomes a silently wrong "
        "call budget.",
        pytrace=False,
    )


def test_every_knob_is_used() -> None:
    got = [
        choose_call_timeout(TEN, q=50),
        choose_call_timeout(TEN, margin=2.0),
        choose_call_timeout(TEN, floor=15.0),
        choose_call_timeout(TEN, ceiling=5.0),
    ]
    assert got == pytest.approx([6.0, 20.0, 15.0, 5.0]), (
        f"on 1..10: q=50 -> p50 5 x 1.2, margin=2.0 -> p99 10 x 2, floor=15 -> 12 raised to 15, ceiling=5 -> 12 "
        f"capped at 5: expected [6.0, 20.0, 15.0, 5.0], got {got}. Use the q, margin, floor and ceiling you are "
        "given; the defaults are only defaults."
    )


def test_order_of_samples_does_not_matter() -> None:
    rng = random.Random(7)
    samples = [rng.lognormvariate(0, 1) for _ in range(1000)]
    shuffled = samples[:]
    rng.shuffle(shuffled)
    expected = sorted(samples)[989]  # rank ceil(0.99 * 1000) = 990
    got = (percentile(samples, 99), percentile(shuffled, 99))
    assert got == (expected, expected), (
        f"p99 of the same 1000 latencies in two orders gave {got}; expected {expected} both times. Latencies "
        "arrive in any order: sort a copy first (and never sort the caller's list in place)."
    )
    assert shuffled != sorted(shuffled), "percentile() must not sort the caller's list in place"
