"""Exercise 5 of retry_discipline: one retry layer, or count what stacked layers really send.

Brief: katas/safe_calls/retry_discipline/README.md. Run: `kata run one_retry_layer`.
"""

from __future__ import annotations


def total_vendor_requests(outer_attempts: int, inner_retries: int) -> int:
    """Worst-case requests the vendor receives when each of our `outer_attempts` goes through a layer
    below us (an SDK, a transport) that retries up to `inner_retries` extra times on its own."""
    raise NotImplementedError


def outer_attempts_for(budget: int, inner_retries: int) -> int:
    """The largest number of outer attempts whose worst case stays within `budget` vendor requests,
    given `inner_retries` retries below us; never less than 1 (a call makes at least one attempt)."""
    raise NotImplementedError
