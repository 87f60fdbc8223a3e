"""Pitfall: multiplying attempts by retries (the source note's "3 x 3 = 9").

Rejected by: test_total_vendor_requests, test_outer_attempts_for
Why it is wrong: an SDK with 3 retries sends up to 4 requests per call, so 3 x 3 undercounts; with
inner_retries=0 it even claims no request is sent at all.
"""

from __future__ import annotations

from solutions.safe_calls.retry_discipline.one_retry_layer import *  # the rest is the reference


def total_vendor_requests(outer_attempts: int, inner_retries: int) -> int:
    return outer_attempts * inner_retries


def outer_attempts_for(budget: int, inner_retries: int) -> int:
    return max(1, budget // max(1, inner_retries))
