"""Pitfall: the half-open success counter is never reset (the bug in the note's Redis breaker).

Rejected by: test_a_second_outage_needs_the_full_recovery
Why it is wrong: the successes of the last recovery are still counted, so the next outage closes the
breaker after ONE probe success: traffic floods back to a vendor that may still be failing.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.circuit_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker as _Reference
from solutions.safe_calls.resilience_patterns.circuit_breaker import State


class CircuitBreaker(_Reference):
    def _enter(self, state: State) -> None:
        successes = getattr(self, "_successes", 0)
        super()._enter(state)
        self._successes = successes
