"""Pitfall: the consecutive-failure count survives a recovery.

Rejected by: test_a_second_outage_needs_the_full_recovery
Why it is wrong: right after the breaker closes, a single failure reopens it, because the failures of the
last outage are still counted. Counters belong to a state; reset them on every transition.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.circuit_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker as _Reference
from solutions.safe_calls.resilience_patterns.circuit_breaker import State


class CircuitBreaker(_Reference):
    def _enter(self, state: State) -> None:
        failures = getattr(self, "_failures", 0)
        super()._enter(state)
        self._failures = failures  # never reset: the last outage's failures are still counted
