"""Pitfall: always measuring with loop.time(), ignoring the injected clock.

Rejected by: test_blocking_code_shows_up_as_lag
Why it is wrong: code that reads a hard-wired clock cannot be tested deterministically; here it also
means the monitor can never be checked under fake loop time, where blocking costs no loop time.
"""

from __future__ import annotations

import asyncio

from solutions.concurrency.choosing_concurrency.loop_lag_monitor import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.loop_lag_monitor import LoopLagMonitor as _Reference


class LoopLagMonitor(_Reference):
    async def __aenter__(self) -> LoopLagMonitor:
        self._task = asyncio.create_task(self._sample(asyncio.get_running_loop().time))
        return self
