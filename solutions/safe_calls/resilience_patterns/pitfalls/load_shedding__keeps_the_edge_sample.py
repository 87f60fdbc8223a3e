"""Pitfall: a sample exactly window_s old is kept.

Rejected by: test_samples_leave_the_window_at_window_s_even_without_new_ones
Why it is wrong: the window is `window_s` long, not a little longer; the contract drops samples
`window_s` or more old, the same boundary as a TTL.
"""

from __future__ import annotations

from collections import deque

from solutions.safe_calls.resilience_patterns.load_shedding import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.load_shedding import RollingWindow as _Ref


class RollingWindow(_Ref):
    def _current(self) -> deque[tuple[float, float, bool]]:
        horizon = self.clock() - self.window_s
        while self._samples and self._samples[0][0] < horizon:
            self._samples.popleft()
        return self._samples
