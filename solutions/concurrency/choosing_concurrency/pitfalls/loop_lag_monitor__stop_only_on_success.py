"""Pitfall: stopping the sampler only when the body succeeded.

Rejected by: test_an_error_in_the_body_still_stops_the_monitor
Why it is wrong: __aexit__ also runs when the body raises; cleanup guarded by "if no exception" leaks
the task exactly on the error path, which is the path production hits under load.
"""

from __future__ import annotations

from solutions.concurrency.choosing_concurrency.loop_lag_monitor import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.loop_lag_monitor import LoopLagMonitor as _Reference


class LoopLagMonitor(_Reference):
    async def __aexit__(self, *exc_info: object) -> None:
        if exc_info[0] is None:
            await super().__aexit__(*exc_info)
