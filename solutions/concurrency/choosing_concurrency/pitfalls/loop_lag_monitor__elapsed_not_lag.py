"""Pitfall: recording the elapsed time of each sample instead of the time beyond the interval.

Rejected by: test_a_free_loop_has_no_lag, test_blocking_code_shows_up_as_lag
Why it is wrong: a healthy loop then reports a constant "lag" equal to the interval, so the alert on
loop lag either fires all the time or is set so high that real blocking hides under it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from solutions.concurrency.choosing_concurrency.loop_lag_monitor import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.loop_lag_monitor import LoopLagMonitor as _Reference


class LoopLagMonitor(_Reference):
    async def _sample(self, clock: Callable[[], float]) -> None:
        while True:
            before = clock()
            await asyncio.sleep(self.interval)
            self._max_lag = max(self._max_lag, clock() - before)
