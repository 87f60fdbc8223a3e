"""Pitfall: comparing the backlog with > instead of >=.

Rejected by: test_a_full_backlog_sheds_every_tier
Why it is wrong: max_queue is the largest backlog the pod can still drain in time; admitting a request
when the queue is already at that size puts it where it will time out anyway.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.load_shedding import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.load_shedding import Decision
from solutions.safe_calls.resilience_patterns.load_shedding import LoadShedder as _Reference


class LoadShedder(_Reference):
    def decide(self, *, tier: str, queue_depth: int, pressure: float) -> Decision:
        if queue_depth > self.max_queue:
            return self._shed("queue")
        return super().decide(tier=tier, queue_depth=0, pressure=pressure)
