"""Pitfall: retrying every httpx.TransportError, including a bad URL scheme and our own protocol misuse.

Rejected by: test_permanent_failures_give_up
Why it is wrong: UnsupportedProtocol and LocalProtocolError are TransportErrors too, but they fail the
same way on every attempt; only network errors, timeouts and remote protocol errors can heal.
"""

from __future__ import annotations

import httpx

from solutions.safe_calls.retry_discipline.failure_classes import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.failure_classes import Overloaded, Verdict


def classify(exc: BaseException) -> Verdict:
    if isinstance(exc, Overloaded):
        return Verdict.GIVE_UP
    if isinstance(exc, httpx.HTTPStatusError):
        status = exc.response.status_code
        if status == 429 or (status == 503 and "Retry-After" in exc.response.headers):
            return Verdict.RETRY_AFTER
        return Verdict.RETRY if status >= 500 else Verdict.GIVE_UP
    if isinstance(exc, (httpx.TransportError, TimeoutError)):
        return Verdict.RETRY
    return Verdict.GIVE_UP
