"""Pitfall: an interpolated percentile (statistics.quantiles) where the contract says nearest rank.

Rejected by: test_p95_is_nearest_rank
Why it is wrong: interpolation invents a latency no request had (95.05 s for 1..100) and, with a handful of
samples, lands between two of them; thresholds compared against it move. Nearest rank reports a real sample.
"""

from __future__ import annotations

import statistics

from solutions.safe_calls.resilience_patterns.load_shedding import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.load_shedding import RollingWindow as _Reference


class RollingWindow(_Reference):
    def p95(self) -> float | None:
        durations = [d for _, d, _ in self._current()]
        if len(durations) < 2:
            return durations[0] if durations else None
        return statistics.quantiles(durations, n=100)[94]
