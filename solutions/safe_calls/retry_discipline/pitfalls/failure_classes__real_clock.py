"""Pitfall: measuring a Retry-After date against datetime.now() instead of the injected now.

Rejected by: test_retry_after_http_date
Why it is wrong: the answer then depends on when the test (or the pod) runs; code that reads the real
clock inside cannot be tested deterministically. Use the clock you were given.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from solutions.safe_calls.retry_discipline.failure_classes import *  # the rest is the reference


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except ValueError:
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
