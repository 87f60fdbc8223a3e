"""Pitfall: only httpx's exceptions count; the builtin TimeoutError of asyncio.timeout is neutral.

Rejected by: test_counts_as_failure_blames_only_the_vendor
Why it is wrong: the overall deadline (asyncio.timeout around the vendor call) raises the builtin
TimeoutError, not httpx.TimeoutException; a vendor that hangs past every deadline then never opens the
breaker, and every caller keeps waiting the full deadline on it.
"""

from __future__ import annotations

import httpx

from solutions.safe_calls.resilience_patterns.circuit_breaker import *  # the rest is the reference


def counts_as_failure(exc: BaseException) -> bool:
    if isinstance(exc, httpx.HTTPStatusError):
        return exc.response.status_code >= 500
    return isinstance(exc, (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError))
