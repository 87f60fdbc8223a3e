"""Pitfall: every field, max_backoff included, must be positive, so a plan with no sleep between attempts is reported.

Rejected by: test_each_broken_relation_is_reported_sorted
Why it is wrong: retrying at once (max_backoff = 0) is a legitimate choice; a config check that rejects it gets switched off, and then catches nothing.
"""

from __future__ import annotations

from dataclasses import astuple

from solutions.safe_calls.timeout_layers.timeout_plan import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.timeout_plan import TimeoutPlan, worst_case_seconds


def plan_problems(plan: TimeoutPlan) -> list[str]:
    broken = {
        "non-positive": any(value <= 0 for value in astuple(plan)),
        "connect>read": plan.connect > plan.read,
        "call<=read": plan.call <= plan.read,
        "queue>=call": plan.queue >= plan.call,
        "sla<call": plan.sla < plan.call,
        "sla-truncates-retries": plan.sla < worst_case_seconds(plan),
    }
    return sorted(code for code, is_broken in broken.items() if is_broken)
