"""Pitfall: treating "every slot taken" (the note's `sem.locked()`) as overload.

Rejected by: test_readiness_table
Why it is wrong: a pod using every slot with an empty wait queue is fully utilised, which is what you pay
for; only a wait queue growing past what the pod can drain means it cannot keep up. Marking busy pods
unready shrinks the Service exactly when traffic peaks.
"""

from __future__ import annotations

from solutions.safe_calls.production_stack.probes import *  # the rest is the reference
from solutions.safe_calls.production_stack.probes import PodState


def readiness(state: PodState) -> tuple[bool, str]:
    if not state.started:
        return False, "starting"
    if state.draining:
        return False, "draining"
    if state.busy_slots >= state.capacity:
        return False, "saturated"
    return True, "ok"
