"""Pitfall: retrying our own admission rejection as if it were a vendor timeout.

Rejected by: test_permanent_failures_give_up
Why it is wrong: Overloaded means no slot was free within the queue budget. Retrying it queues the
same work again exactly when we are overloaded; the caller should get a fast 503 instead.
"""

from __future__ import annotations

import httpx

from solutions.safe_calls.retry_discipline.failure_classes import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.failure_classes import _TRANSIENT, Overloaded, Verdict


def classify(exc: BaseException) -> Verdict:
    if isinstance(exc, httpx.HTTPStatusError):
        status = exc.response.status_code
        if status == 429 or (status == 503 and "Retry-After" in exc.response.headers):
            return Verdict.RETRY_AFTER
        return Verdict.RETRY if status >= 500 else Verdict.GIVE_UP
    return Verdict.RETRY if isinstance(exc, (*_TRANSIENT, Overloaded)) else Verdict.GIVE_UP
