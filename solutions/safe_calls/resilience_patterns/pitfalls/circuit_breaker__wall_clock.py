"""Pitfall: the default clock is the wall clock, time.time, instead of time.monotonic.

Rejected by: test_default_clock_is_monotonic_time
Why it is wrong: wall-clock time jumps (NTP corrections, a VM resumed, an operator's fix): a step forward
ends the open period at once and floods a vendor that is still down with traffic; a step back keeps the
breaker open, failing every call, far longer than open_s. Durations need a monotonic clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from solutions.safe_calls.resilience_patterns.circuit_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker as _Reference


class CircuitBreaker(_Reference):
    def __init__(
        self,
        *,
        failure_threshold: int = 5,
        success_threshold: int = 2,
        open_s: float = 60.0,
        half_open_max_probes: int = 1,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(
            failure_threshold=failure_threshold,
            success_threshold=success_threshold,
            open_s=open_s,
            half_open_max_probes=half_open_max_probes,
            clock=clock or time.time,
        )
