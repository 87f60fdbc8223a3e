"""Pitfall: a count-based window, `deque(maxlen=100)`, as in the note's LocalMetrics.

Rejected by: test_the_window_is_by_time_not_by_count
Why it is wrong: at low traffic the last 100 samples can be minutes or hours old, so an outage that ended
long ago keeps p95 and the error rate high and the pod keeps shedding healthy traffic. (The note even
stores timestamps and never uses them.) Window by time.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable

from solutions.safe_calls.resilience_patterns.load_shedding import *  # the rest is the reference


class RollingWindow:
    def __init__(self, window_s: float, clock: Callable[[], float]) -> None:
        self.clock = clock
        self._samples: deque[tuple[float, float, bool]] = deque(maxlen=100)

    def record(self, duration_s: float, ok: bool) -> None:
        self._samples.append((self.clock(), duration_s, ok))

    def error_rate(self) -> float:
        return sum(not ok for _, _, ok in self._samples) / len(self._samples) if self._samples else 0.0

    def p95(self) -> float | None:
        durations = sorted(d for _, d, _ in self._samples)
        return durations[math.ceil(0.95 * len(durations)) - 1] if durations else None
