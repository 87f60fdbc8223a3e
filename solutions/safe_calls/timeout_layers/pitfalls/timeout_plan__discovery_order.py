"""Pitfall: returning problem codes in the order they were checked, not sorted.

Rejected by: test_each_broken_relation_is_reported_sorted
Why it is wrong: the contract promises a stable sorted list; callers diff it, log it and compare it in
tests, and the order must not change when someone reorders the checks.
"""

from __future__ import annotations

from dataclasses import astuple, replace

from solutions.safe_calls.timeout_layers.timeout_plan import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.timeout_plan import TimeoutPlan, worst_case_seconds


def plan_problems(plan: TimeoutPlan) -> list[str]:
    broken = {
        "non-positive": any(value <= 0 for value in astuple(replace(plan, max_backoff=1.0)))
        or plan.max_backoff < 0,
        "connect>read": plan.connect > plan.read,
        "call<=read": plan.call <= plan.read,
        "queue>=call": plan.queue >= plan.call,
        "sla<call": plan.sla < plan.call,
        "sla-truncates-retries": plan.sla < worst_case_seconds(plan),
    }
    return [code for code, is_broken in broken.items() if is_broken]
