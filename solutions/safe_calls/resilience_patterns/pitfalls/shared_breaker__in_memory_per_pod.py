"""Pitfall: each pod keeps its own in-memory breaker (the "why in-memory breakers are wrong" case).

Rejected by: test_a_trip_on_one_pod_stops_every_pod, test_failures_add_up_across_pods
Why it is wrong: with N pods, the vendor must fail N times as often before anyone stops calling it, and
pods that have not seen the failures yet keep hammering a vendor that is down.
"""

from __future__ import annotations

from typing import Any

from katas.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker
from solutions.safe_calls.resilience_patterns.shared_breaker import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.shared_breaker import SharedCircuitBreaker as _Reference
from solutions.safe_calls.resilience_patterns.shared_breaker import State


class SharedCircuitBreaker(_Reference):
    def __init__(self, redis: Any, name: str, **options: Any) -> None:
        super().__init__(redis, name, **options)
        self._local = CircuitBreaker(
            failure_threshold=self.failure_threshold,
            success_threshold=self.success_threshold,
            open_s=self.open_s,
        )

    async def state(self) -> State:
        return State(self._local.state.value)

    async def before_call(self) -> None:
        self._local.before_call()

    async def record_success(self) -> None:
        self._local.record_success()

    async def record_failure(self) -> None:
        self._local.record_failure()
