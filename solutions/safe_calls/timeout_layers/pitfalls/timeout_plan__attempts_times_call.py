"""Pitfall: worst case = attempts x call, forgetting admission waits and backoff sleeps.

Rejected by: test_worst_case_includes_queueing_and_backoff
Why it is wrong: every attempt may first wait its full queue budget, and the retry loop sleeps between
attempts; 3 x 30 = 90 s looks like it fits a 60 s SLA plus a bit, while the real worst case is 109 s.
"""

from __future__ import annotations

from solutions.safe_calls.timeout_layers.timeout_plan import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.timeout_plan import TimeoutPlan


def worst_case_seconds(plan: TimeoutPlan) -> float:
    return plan.attempts * plan.call
