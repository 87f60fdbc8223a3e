"""Pitfall: letting the budget round down to zero attempts.

Rejected by: test_outer_attempts_for
Why it is wrong: a call with zero attempts never reaches the vendor and fails with a confusing error;
when the layer below already spends the budget, make exactly one attempt (and turn its retries down).
"""

from __future__ import annotations

from solutions.safe_calls.retry_discipline.one_retry_layer import *  # the rest is the reference


def outer_attempts_for(budget: int, inner_retries: int) -> int:
    return budget // (1 + inner_retries)
