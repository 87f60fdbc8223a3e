"""Pitfall: treating 429 like any other 4xx, as permanent.

Rejected by: test_rate_limits_wait_for_the_server
Why it is wrong: 429 Too Many Requests means "later", not "never"; the vendor usually says when
in Retry-After. Giving up turns a short pause into a failed user request.
"""

from __future__ import annotations

import httpx

from solutions.safe_calls.retry_discipline.failure_classes import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.failure_classes import _TRANSIENT, Overloaded, Verdict


def classify(exc: BaseException) -> Verdict:
    if isinstance(exc, Overloaded):
        return Verdict.GIVE_UP
    if isinstance(exc, httpx.HTTPStatusError):
        status = exc.response.status_code
        if 400 <= status < 500:
            return Verdict.GIVE_UP
        if status == 503 and "Retry-After" in exc.response.headers:
            return Verdict.RETRY_AFTER
        return Verdict.RETRY if status >= 500 else Verdict.GIVE_UP
    return Verdict.RETRY if isinstance(exc, _TRANSIENT) else Verdict.GIVE_UP
