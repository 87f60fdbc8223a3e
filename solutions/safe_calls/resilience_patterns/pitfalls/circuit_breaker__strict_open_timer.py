"""Pitfall: comparing the open timer with > instead of >=.

Rejected by: test_half_open_exactly_at_open_s
Why it is wrong: open_s is the promised open period; at exactly open_s the breaker must probe. Off-by-one
timers also make retry_after lie (it says 0 s, yet the next call still fails fast).
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.circuit_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker as _Reference
from solutions.safe_calls.resilience_patterns.circuit_breaker import State


class CircuitBreaker(_Reference):
    @property
    def state(self) -> State:
        if self._state is State.OPEN and self._clock() - self._opened_at > self.open_s:
            self._enter(State.HALF_OPEN)
        return self._state
