"""Reference solution: loop_lag_monitor."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable


class LoopLagMonitor:
    def __init__(self, interval: float = 0.1, *, clock: Callable[[], float] | None = None) -> None:
        self.interval = interval
        self._clock = clock
        self._max_lag = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _sample(self, clock: Callable[[], float]) -> None:
        while True:
            before = clock()
            await asyncio.sleep(self.interval)
            self._max_lag = max(self._max_lag, clock() - before - self.interval)

    async def __aenter__(self) -> LoopLagMonitor:
        clock = self._clock or asyncio.get_running_loop().time
        self._task = asyncio.create_task(self._sample(clock), name="loop-lag-monitor")
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    @property
    def max_lag(self) -> float:
        return self._max_lag
