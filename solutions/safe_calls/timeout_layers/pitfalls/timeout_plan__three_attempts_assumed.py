"""Pitfall: the worst case assumes the default three attempts instead of reading plan.attempts.

Rejected by: test_worst_case_includes_queueing_and_backoff
Why it is wrong: a path configured for 1 or 5 attempts gets the SLA check of a 3-attempt path: too strict
for one, and for five it approves an SLA that cuts the last attempts short.
"""

from __future__ import annotations

from solutions.safe_calls.timeout_layers.timeout_plan import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.timeout_plan import TimeoutPlan


def worst_case_seconds(plan: TimeoutPlan) -> float:
    return 3 * (plan.queue + plan.call) + 2 * plan.max_backoff
