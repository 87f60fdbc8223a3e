"""Pitfall: one latency threshold (the note's `p95 > SLA * 0.9`), no memory of the current state.

Rejected by: test_latency_shedding_has_hysteresis
Why it is wrong: shedding lowers latency, which stops the shedding, which raises latency again: the pod
flaps between rejecting and admitting everything every few seconds. Enter and exit at different levels.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.load_shedding import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.load_shedding import Decision
from solutions.safe_calls.resilience_patterns.load_shedding import LoadShedder as _Reference


class LoadShedder(_Reference):
    def decide(self, *, tier: str, queue_depth: int, pressure: float) -> Decision:
        decision = super().decide(tier=tier, queue_depth=queue_depth, pressure=pressure)
        if decision.reason != "latency" and decision.admit is False:
            return decision
        p95 = self.window.p95()
        return (
            self._shed("latency")
            if p95 is not None and p95 > self.enter_ratio * self.sla_s
            else Decision(True)
        )
