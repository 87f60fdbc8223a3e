"""Pitfall: rounding the sustainable rate up (or to the nearest integer).

Rejected by: test_local_rate_comes_from_pod_capacity
Why it is wrong: a capacity limit rounded up promises the pod more than it can sustain; over a long run the
excess becomes queueing. Round capacity down.
"""

from __future__ import annotations

import math

from solutions.safe_calls.cluster_limits.pod_guard import *  # the rest is the reference


def local_rate_per_minute(gate_size: int, avg_latency_s: float, safety: float = 0.8) -> int:
    return math.ceil(gate_size * 60 * safety / avg_latency_s)
