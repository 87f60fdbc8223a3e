"""Pitfall: readiness that ignores shutdown, so a draining pod keeps receiving new traffic.

Rejected by: test_lifespan_marks_started_then_draining, test_readiness_table
Why it is wrong: during a rolling deploy the old pod must drop out of rotation while it finishes its
in-flight requests; if it still says "ready", new requests land on a pod that is about to exit and fail.
"""

from __future__ import annotations

from solutions.safe_calls.production_stack.probes import *  # the rest is the reference
from solutions.safe_calls.production_stack.probes import PodState


def readiness(state: PodState) -> tuple[bool, str]:
    if not state.started:
        return False, "starting"
    if state.waiting > state.max_waiting:
        return False, "saturated"
    return True, "ok"
