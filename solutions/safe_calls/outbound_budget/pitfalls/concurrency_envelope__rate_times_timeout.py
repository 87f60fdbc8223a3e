"""Pitfall: the note's bound, max_concurrency = rate x call_timeout, without the limiter's burst.

Rejected by: test_bound_is_burst_plus_rate_times_timeout, test_simulated_peak_stays_within_the_bound
Why it is wrong: a token or leaky bucket starts full, so max_rate calls can start at t=0 before the steady
rate applies; AsyncLimiter(60, 60) with a 30 s timeout reaches about 90 in flight, not 30. Capacity planned
on 30 runs out of sockets (or vendor concurrency) three times sooner than expected.
"""

from __future__ import annotations

import math

from solutions.safe_calls.outbound_budget.concurrency_envelope import *  # the rest is the reference


def peak_in_flight_bound(max_rate: float, time_period: float, call_timeout: float) -> int:
    return math.ceil(max_rate / time_period * call_timeout)
