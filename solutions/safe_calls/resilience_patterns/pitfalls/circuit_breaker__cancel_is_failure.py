"""Pitfall: the guard records every exception that is not a 4xx as a failure, cancellation included.

Rejected by: test_guard_treats_cancellation_as_neutral
Why it is wrong: CancelledError means our caller went away (a closed browser tab, a shutdown); the vendor
did nothing wrong. Counting it lets a few impatient users open the vendor's breaker for everyone.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from solutions.safe_calls.resilience_patterns.circuit_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker as _Reference


class CircuitBreaker(_Reference):
    @asynccontextmanager
    async def _guard(self) -> AsyncIterator[None]:
        self.before_call()
        try:
            yield
        except httpx.HTTPStatusError as exc:
            (self.record_failure if exc.response.status_code >= 500 else self.record_neutral)()
            raise
        except BaseException:
            self.record_failure()
            raise
        self.record_success()
