"""Tests for timeout_plan: nested budgets only work when each one fits inside the next."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest

from katas.safe_calls.timeout_layers.timeout_plan import (
    TimeoutPlan,
    plan_problems,
    to_httpx,
    worst_case_seconds,
)

CONSISTENT = TimeoutPlan(connect=3, write=10, read=25, pool=5, queue=5, call=30, sla=120)
# The note's "configuration example": queue 5, call 30 = read 30, SLA 60, three attempts.
NOTE_GOLD = TimeoutPlan(connect=5, write=10, read=30, pool=5, queue=5, call=30, sla=60)
# The note's "LLM / AI APIs" profile: call_timeout = 60 "to match read", SLA 90.
NOTE_LLM = TimeoutPlan(connect=5, write=10, read=60, pool=5, queue=5, call=60, sla=90)


def test_a_consistent_plan_has_no_problems() -> None:
    got = plan_problems(CONSISTENT)
    assert got == [], f"{CONSISTENT} is consistent (worst case 109 s <= SLA 120 s); expected [], got {got}"


def test_call_must_be_strictly_longer_than_read() -> None:
    got = plan_problems(NOTE_LLM)
    assert got == ["call<=read", "sla-truncates-retries"], (
        f"the note's LLM profile (read 60, call 60, SLA 90) gave {got}; expected ['call<=read', "
        "'sla-truncates-retries']. With call == read both fire at the same instant, so a stalled read is "
        "reported as a generic call timeout instead of httpx's more specific ReadTimeout: the call budget "
        "must be strictly larger. And 3 attempts of (5 + 60) s plus backoffs cannot fit in 90 s."
    )


def test_worst_case_includes_queueing_and_backoff() -> None:
    got = worst_case_seconds(NOTE_GOLD)
    assert got == pytest.approx(109.0), (
        f"worst case of 3 attempts with queue 5 s, call 30 s and backoff up to 2 s: expected "
        f"3 x (5 + 30) + 2 x 2 = 109 s, got {got!r}. 3 x 30 = 90 ignores admission waits and the sleeps."
    )
    for attempts, expected in ((1, 35.0), (5, 183.0)):
        got = worst_case_seconds(replace(NOTE_GOLD, attempts=attempts))
        assert got == pytest.approx(expected), (
            f"worst case of {attempts} attempt(s) with queue 5 s, call 30 s and backoff up to 2 s: expected "
            f"{attempts} x (5 + 30) + {attempts - 1} x 2 = {expected:g} s, got {got!r}. Read plan.attempts: "
            "the default of 3 is only a default."
        )
    problems = plan_problems(NOTE_GOLD)
    assert "sla-truncates-retries" in problems, (
        f"the note's gold numbers (SLA 60 s, worst case 109 s) gave {problems}: the SLA cuts the retry schedule "
        "short, which must at least be a conscious choice, so report 'sla-truncates-retries'."
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"pool": 0}, ["non-positive"]),
        ({"attempts": 0}, ["non-positive"]),
        ({"write": -1}, ["non-positive"]),
        ({"max_backoff": 0}, []),  # retrying at once is allowed: max_backoff may be 0
        ({"max_backoff": -1}, ["non-positive"]),
        ({"connect": 25}, []),  # connect == read: not longer, so fine
        ({"sla": 109}, []),  # SLA == worst case 3 x (5 + 30) + 2 x 2: every retry still fits
        ({"sla": 30}, ["sla-truncates-retries"]),  # SLA == call: one attempt fits, the retries do not
        ({"connect": 40, "read": 35, "call": 36, "sla": 130}, ["connect>read"]),
        ({"queue": 30}, ["queue>=call", "sla-truncates-retries"]),
        ({"sla": 20}, ["sla-truncates-retries", "sla<call"]),
        (
            {"call": 20, "queue": 25, "sla": 10},
            ["call<=read", "queue>=call", "sla-truncates-retries", "sla<call"],
        ),
    ],
)
def test_each_broken_relation_is_reported_sorted(change: dict[str, float], expected: list[str]) -> None:
    plan = replace(CONSISTENT, **change)
    got = plan_problems(plan)
    assert got == expected, (
        f"CONSISTENT with {change}: expected {expected}, got {got}. Report every broken relation, as a stable "
        "sorted list of codes, so a config check can print them and tests can compare them. The relations are "
        "strict where their code says so: connect > read, sla < call and sla < worst case are broken, equality "
        "is not; and max_backoff alone may be 0."
    )


def test_client_timeouts_come_from_the_plan() -> None:
    got = to_httpx(CONSISTENT)
    expected = httpx.Timeout(connect=3, read=25, write=10, pool=5)
    assert got == expected, f"to_httpx gave {got!r}; expected {expected!r} (every phase explicit)"
