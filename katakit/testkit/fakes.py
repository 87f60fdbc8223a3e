"""Injected clocks and sleeps: tests control time instead of waiting for it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any


def fixed_now(moment: datetime | None = None) -> Callable[[], datetime]:
    """A `now()` that always returns the same aware UTC datetime (for HTTP-date arithmetic)."""
    value = moment or datetime(2026, 1, 15, 12, 0, 0, tzinfo=UTC)
    return lambda: value


class FakeClock:
    """A monotonic clock that moves only when told to: `clock()` reads it, `advance(s)` moves it."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class SleepSpy:
    """An async sleep to inject: records each delay (and `probe()` at that moment), then really sleeps
    on the event loop, so under looptime the delay costs no real time but still moves loop time."""

    def __init__(self, probe: Callable[[], Any] | None = None) -> None:
        self.delays: list[float] = []
        self.probes: list[Any] = []
        self._probe = probe

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        if self._probe is not None:
            self.probes.append(self._probe())
        await asyncio.sleep(delay)
