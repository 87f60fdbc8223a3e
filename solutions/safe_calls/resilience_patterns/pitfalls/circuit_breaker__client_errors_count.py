"""Pitfall: every HTTPStatusError counts as a vendor failure, 4xx included.

Rejected by: test_guard_classifies_what_happened
Why it is wrong: a 404 or 422 is our request's fault; the vendor answered correctly. A burst of bad requests
from one user would open the breaker and cut every user off a healthy vendor.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from solutions.safe_calls.resilience_patterns.circuit_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.circuit_breaker import _VENDOR_TROUBLE
from solutions.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker as _Reference


def counts_as_failure(exc: BaseException) -> bool:
    return isinstance(exc, (httpx.HTTPStatusError, *_VENDOR_TROUBLE))


class CircuitBreaker(_Reference):
    @asynccontextmanager
    async def _guard(self) -> AsyncIterator[None]:
        self.before_call()
        try:
            yield
        except BaseException as exc:
            (self.record_failure if counts_as_failure(exc) else self.record_neutral)()
            raise
        self.record_success()
