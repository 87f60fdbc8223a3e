"""Pitfall: error_rate returns how many samples failed, not which share of them.

Rejected by: test_error_rate_is_the_failed_share
Why it is wrong: a count of failures grows with traffic: at peak every healthy minute looks like an
outage, and at night a real outage stays under the threshold. Compare shares, not counts.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.load_shedding import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.load_shedding import RollingWindow as _Ref


class RollingWindow(_Ref):
    def error_rate(self) -> float:
        return float(sum(not ok for _, _, ok in self._current()))
