"""Pitfall: failing readiness when the vendor's error rate is high, as the note's probe does.

Rejected by: test_vendor_errors_do_not_make_the_pod_unready
Why it is wrong: every pod sees the same shared vendor, so every pod turns unready at the same moment and
the Service has no endpoints left: a vendor outage becomes your total outage. The circuit breaker, not
the probe, is the tool for a failing dependency.
"""

from __future__ import annotations

from solutions.safe_calls.production_stack.probes import *  # the rest is the reference
from solutions.safe_calls.production_stack.probes import PodState
from solutions.safe_calls.production_stack.probes import readiness as _reference


def readiness(state: PodState) -> tuple[bool, str]:
    if state.started and not state.draining and state.vendor_error_rate > 0.5:
        return False, "vendor_errors"
    return _reference(state)
