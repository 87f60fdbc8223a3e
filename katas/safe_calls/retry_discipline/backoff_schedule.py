"""Exercise 2 of retry_discipline: how long to wait before the next attempt.

Brief: katas/safe_calls/retry_discipline/README.md. Run: `kata run backoff_schedule`.
"""

from __future__ import annotations

import random
from datetime import datetime


def full_jitter(attempt: int, *, rng: random.Random, base: float = 1.0, cap: float = 32.0) -> float:
    """Delay before retry number `attempt` (0 for the first retry): uniform over [0, ceiling],
    where ceiling = min(cap, base * 2**attempt). Draw only from `rng`."""
    raise NotImplementedError


def decorrelated_jitter(
    previous: float, *, rng: random.Random, base: float = 1.0, cap: float = 32.0
) -> float:
    """Next delay from the previous one: uniform over [base, previous * 3], never above `cap`."""
    raise NotImplementedError


def retry_delay(
    attempt: int,
    exc: BaseException,
    *,
    rng: random.Random,
    now: datetime,
    max_retry_after: float = 60.0,
) -> float:
    """How long to sleep after the failed attempt number `attempt` (0-based) that raised `exc`.

    When `exc` is an `httpx.HTTPStatusError` whose response carries a usable Retry-After header (read it
    with `parse_retry_after` from failure_classes, measured from `now`), wait that long, but never
    longer than `max_retry_after`. Otherwise use `full_jitter(attempt, rng=rng)`.
    """
    raise NotImplementedError
