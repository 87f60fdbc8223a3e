"""Pitfall: comparing the wait queue with a fixed 20 instead of the pod's own max_waiting.

Rejected by: test_readiness_table
Why it is wrong: max_waiting is per pod (how long a queue this pod can drain in time); a small pod with
max_waiting=5 keeps taking traffic with 19 requests queued, and a big one is pulled out of rotation early.
"""

from __future__ import annotations

from solutions.safe_calls.production_stack.probes import *  # the rest is the reference
from solutions.safe_calls.production_stack.probes import PodState


def readiness(state: PodState) -> tuple[bool, str]:
    if not state.started:
        return False, "starting"
    if state.draining:
        return False, "draining"
    if state.waiting > 20:
        return False, "saturated"
    return True, "ok"
