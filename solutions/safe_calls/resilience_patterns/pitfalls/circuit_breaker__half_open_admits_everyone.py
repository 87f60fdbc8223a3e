"""Pitfall: half-open lets every caller through (the note's allow(); 50 of 50 admitted when verified).

Rejected by: test_half_open_limits_probes_and_neutral_frees_one
Why it is wrong: the moment the open period ends, the whole backlog hits a vendor that may still be down,
which is exactly the thundering herd the breaker exists to prevent. Only a few probes may call.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.circuit_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker as _Reference
from solutions.safe_calls.resilience_patterns.circuit_breaker import State


class CircuitBreaker(_Reference):
    def before_call(self) -> None:
        if self.state is State.HALF_OPEN:
            self._probes += 1
            return
        super().before_call()
