"""Pitfall: accepting any number, including negative delays and floats in exponent form.

Rejected by: test_retry_after_rejects_garbage
Why it is wrong: delta-seconds is a non-negative integer; "-5" is garbage, and a negative sleep would
turn into an immediate retry storm. Garbage means "fall back to your own backoff" (None).
"""

from __future__ import annotations

from datetime import datetime

from solutions.safe_calls.retry_discipline.failure_classes import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.failure_classes import parse_retry_after as _reference


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return _reference(value, now=now)
