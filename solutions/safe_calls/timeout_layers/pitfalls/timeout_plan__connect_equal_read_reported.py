"""Pitfall: connect >= read is reported, so connect == read counts as broken.

Rejected by: test_each_broken_relation_is_reported_sorted
Why it is wrong: the relation is 'connect may not take LONGER than read'; equal budgets are fine, and a checker that cries wolf on them trains people to ignore it.
"""

from __future__ import annotations

from dataclasses import astuple

from solutions.safe_calls.timeout_layers.timeout_plan import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.timeout_plan import TimeoutPlan, worst_case_seconds


def plan_problems(plan: TimeoutPlan) -> list[str]:
    broken = {
        "non-positive": any(value <= 0 for value in astuple(plan)[:-1]) or plan.max_backoff < 0,
        "connect>read": plan.connect >= plan.read,
        "call<=read": plan.call <= plan.read,
        "queue>=call": plan.queue >= plan.call,
        "sla<call": plan.sla < plan.call,
        "sla-truncates-retries": plan.sla < worst_case_seconds(plan),
    }
    return sorted(code for code, is_broken in broken.items() if is_broken)
