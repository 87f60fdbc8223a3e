"""Pitfall: checking the wait queue before the shutdown flag.

Rejected by: test_readiness_table
Why it is wrong: a pod that is shutting down with a long queue reports "saturated", so dashboards and
alerts show an overload where there is a routine rollout; "draining" is the reason that explains it.
"""

from __future__ import annotations

from solutions.safe_calls.production_stack.probes import *  # the rest is the reference
from solutions.safe_calls.production_stack.probes import PodState


def readiness(state: PodState) -> tuple[bool, str]:
    if not state.started:
        return False, "starting"
    if state.waiting > state.max_waiting:
        return False, "saturated"
    if state.draining:
        return False, "draining"
    return True, "ok"
