"""Pitfall: calling task.cancel() and returning at once, without awaiting the task.

Rejected by: test_exit_stops_the_sampling_task
Why it is wrong: cancel() only requests cancellation; the task stops at its next await, later. Whoever
relies on "the monitor has stopped" after the block (closing the loop, reading final numbers) races it.
"""

from __future__ import annotations

from solutions.concurrency.choosing_concurrency.loop_lag_monitor import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.loop_lag_monitor import LoopLagMonitor as _Reference


class LoopLagMonitor(_Reference):
    async def __aexit__(self, *exc_info: object) -> None:
        if self._task is not None:
            self._task.cancel()
