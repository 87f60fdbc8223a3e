"""Reference solution: one_retry_layer."""

from __future__ import annotations


def total_vendor_requests(outer_attempts: int, inner_retries: int) -> int:
    return outer_attempts * (1 + inner_retries)  # a retry is an EXTRA attempt


def outer_attempts_for(budget: int, inner_retries: int) -> int:
    return max(1, budget // (1 + inner_retries))
