"""Pitfall: recognising delta-seconds with str.isdigit() alone.

Rejected by: test_retry_after_rejects_garbage
Why it is wrong: isdigit() is true for "²" and for digits of other scripts ("١٢"), so a malformed header
becomes a delay (or a crash in float()); HTTP's delta-seconds is ASCII digits only (RFC 9110 §10.2.3).
"""

from __future__ import annotations

from datetime import datetime

from solutions.safe_calls.retry_discipline.failure_classes import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.failure_classes import parse_retry_after as _reference


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    if value is not None and value.strip().isdigit():
        try:
            return float(value)
        except ValueError:
            return 0.0
    return _reference(value, now=now)
