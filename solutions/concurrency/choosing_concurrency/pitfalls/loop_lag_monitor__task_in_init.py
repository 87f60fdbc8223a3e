"""Pitfall: the sampling task (and the default clock) are set up in __init__.

Rejected by: test_can_be_built_without_a_running_loop
Why it is wrong: a monitor built at import time or in sync start-up code (before the loop runs)
raises "no running event loop"; and a task created at construction starts sampling before the
`async with` that is supposed to own it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from solutions.concurrency.choosing_concurrency.loop_lag_monitor import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.loop_lag_monitor import LoopLagMonitor as _Monitor


class LoopLagMonitor(_Monitor):
    def __init__(self, interval: float = 0.1, *, clock: Callable[[], float] | None = None) -> None:
        super().__init__(interval, clock=clock)
        self._clock = clock or asyncio.get_running_loop().time
        self._task = asyncio.create_task(self._sample(self._clock))

    async def __aenter__(self) -> LoopLagMonitor:
        return self
