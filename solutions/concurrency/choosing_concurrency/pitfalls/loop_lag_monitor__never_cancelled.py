"""Pitfall: leaving the sampling task running when the monitor exits.

Rejected by: test_exit_stops_the_sampling_task, test_an_error_in_the_body_still_stops_the_monitor
Why it is wrong: every monitor ever entered keeps a task alive, waking the loop forever; at shutdown the
loop destroys it while pending ("Task was destroyed but it is pending!").
"""

from __future__ import annotations

from solutions.concurrency.choosing_concurrency.loop_lag_monitor import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.loop_lag_monitor import LoopLagMonitor as _Reference


class LoopLagMonitor(_Reference):
    async def __aexit__(self, *exc_info: object) -> None:
        return None
