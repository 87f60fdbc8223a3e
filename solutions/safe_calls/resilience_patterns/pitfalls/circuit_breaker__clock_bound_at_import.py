"""Pitfall: the default clock bound when the module is imported (`clock=time.monotonic` as a default).

Rejected by: test_default_clock_is_monotonic_time
Why it is wrong: a default argument is evaluated once, at import, so the breaker keeps the original
function and no test tool (freezegun here) can move its time; look the default up when the breaker is
built, or inject the clock.
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
        clock: Callable[[], float] = time.monotonic,  # evaluated once, at import
    ) -> None:
        super().__init__(
            failure_threshold=failure_threshold,
            success_threshold=success_threshold,
            open_s=open_s,
            half_open_max_probes=half_open_max_probes,
            clock=clock,
        )
