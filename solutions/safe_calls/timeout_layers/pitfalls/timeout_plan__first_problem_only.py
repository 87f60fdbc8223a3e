"""Pitfall: stopping at the first broken relation.

Rejected by: test_call_must_be_strictly_longer_than_read, test_each_broken_relation_is_reported_sorted
Why it is wrong: the operator fixes one number, redeploys, and learns about the next problem only then;
a configuration check must report everything it found at once.
"""

from __future__ import annotations

from solutions.safe_calls.timeout_layers.timeout_plan import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.timeout_plan import TimeoutPlan
from solutions.safe_calls.timeout_layers.timeout_plan import plan_problems as _reference


def plan_problems(plan: TimeoutPlan) -> list[str]:
    return _reference(plan)[:1]
