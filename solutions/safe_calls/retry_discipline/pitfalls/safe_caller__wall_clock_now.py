"""Pitfall: reading the real clock (utc_now()) for Retry-After instead of the injected now.

Rejected by: test_an_http_date_retry_after_is_read_with_the_injected_clock
Why it is wrong: an HTTP-date Retry-After is a moment, and the wait is that moment minus "now";
with the real clock instead of the injected one the caller cannot be tested or replayed, and on a host
whose clock is skewed it sleeps far too long or hammers the vendor at once.
"""

from __future__ import annotations

from solutions.safe_calls.retry_discipline.safe_caller import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.safe_caller import SafeCaller as _Ref
from solutions.safe_calls.retry_discipline.safe_caller import retry_delay, utc_now


class SafeCaller(_Ref):
    def _delay(self, attempt: int, exc: Exception) -> float:
        return retry_delay(
            attempt, exc, rng=self._rng, now=utc_now(), max_retry_after=self._policy.max_retry_after
        )
