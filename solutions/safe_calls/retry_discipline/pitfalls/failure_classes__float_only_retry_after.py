"""Pitfall: reading Retry-After with float() only, so the HTTP-date form is lost.

Rejected by: test_retry_after_http_date
Why it is wrong: RFC 9110 §10.2.3 allows Retry-After to be an HTTP-date as well as delta-seconds;
vendors and proxies do send dates, and ignoring them retries before the server is ready.
"""

from __future__ import annotations

from datetime import datetime

from solutions.safe_calls.retry_discipline.failure_classes import *  # the rest is the reference


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if seconds >= 0 else None
