"""Pitfall: counting every httpx.TransportError as vendor trouble.

Rejected by: test_counts_as_failure_blames_only_the_vendor
Why it is wrong: TransportError also covers UnsupportedProtocol (a bad URL scheme in our config) and other
local mistakes; a deploy with a typo'd base URL then opens the breaker and reports a healthy vendor as down.
"""

from __future__ import annotations

import httpx

from solutions.safe_calls.resilience_patterns.circuit_breaker import *  # the rest is the reference


def counts_as_failure(exc: BaseException) -> bool:
    if isinstance(exc, httpx.HTTPStatusError):
        return exc.response.status_code >= 500
    return isinstance(exc, (httpx.TransportError, TimeoutError))
