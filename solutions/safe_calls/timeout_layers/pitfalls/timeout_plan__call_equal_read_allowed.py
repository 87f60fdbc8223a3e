"""Pitfall: checking call < read instead of call <= read, so call == read passes.

Rejected by: test_call_must_be_strictly_longer_than_read
Why it is wrong: with equal budgets the call timeout and the read timeout fire at the same instant; which
one wins is a race, and a stalled read is then reported as a generic call timeout instead of httpx's
specific ReadTimeout (the note's own LLM profile makes exactly this mistake).
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
        "call<=read": plan.call < plan.read,
        "queue>=call": plan.queue >= plan.call,
        "sla<call": plan.sla < plan.call,
        "sla-truncates-retries": plan.sla < worst_case_seconds(plan),
    }
    return sorted(code for code, is_broken in broken.items() if is_broken)
