"""Pitfall: a neutral outcome does not free its probe slot.

Rejected by: test_half_open_limits_probes_and_neutral_frees_one, test_guard_treats_cancellation_as_neutral
Why it is wrong: one probe that got a 404 (or whose caller went away) keeps its slot forever; with one probe
allowed, the breaker is stuck half-open and rejects every call although the vendor has recovered.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.circuit_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker as _Reference


class CircuitBreaker(_Reference):
    def record_neutral(self) -> None:
        pass
