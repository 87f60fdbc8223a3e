"""Pitfall: sla <= call is reported as 'sla<call', so an SLA exactly one attempt long counts as too short.

Rejected by: test_each_broken_relation_is_reported_sorted
Why it is wrong: an SLA equal to the call budget fits one attempt exactly; the code names a strict relation, and reporting the boundary makes the check disagree with its own name.
"""

from __future__ import annotations

from dataclasses import astuple

from solutions.safe_calls.timeout_layers.timeout_plan import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.timeout_plan import TimeoutPlan, worst_case_seconds


def plan_problems(plan: TimeoutPlan) -> list[str]:
    broken = {
        "non-positive": any(value <= 0 for value in astuple(plan)[:-1]) or plan.max_backoff < 0,
        "connect>read": plan.connect > plan.read,
        "call<=read": plan.call <= plan.read,
        "queue>=call": plan.queue >= plan.call,
        "sla<call": plan.sla <= plan.call,
        "sla-truncates-retries": plan.sla < worst_case_seconds(plan),
    }
    return sorted(code for code, is_broken in broken.items() if is_broken)
