"""Pitfall: old samples are dropped only when a new one is recorded, never when the window is read.

Rejected by: test_samples_leave_the_window_at_window_s_even_without_new_ones
Why it is wrong: after an outage, a pod whose traffic stopped (it was shedding it) keeps reading the
outage's samples forever, so it never stops shedding: the window must be by time on every read.
"""

from __future__ import annotations

import math

from solutions.safe_calls.resilience_patterns.load_shedding import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.load_shedding import RollingWindow as _Ref


class RollingWindow(_Ref):
    def error_rate(self) -> float:
        samples = self._samples
        return sum(not ok for _, _, ok in samples) / len(samples) if samples else 0.0

    def p95(self) -> float | None:
        durations = sorted(d for _, d, _ in self._samples)
        return durations[math.ceil(0.95 * len(durations)) - 1] if durations else None
