"""InFlightGauge: count how many things are inside a region right now, and the most there ever were."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager


class InFlightGauge:
    """`enter()` / `exit()` (or `with gauge.held():`) move `current`; `peak` keeps the maximum.

    `finish_times` records the loop time of each exit, when an event loop is running.
    """

    def __init__(self) -> None:
        self.current = 0
        self.peak = 0
        self.entered = 0
        self.finish_times: list[float] = []

    def enter(self) -> None:
        self.current += 1
        self.entered += 1
        self.peak = max(self.peak, self.current)

    def exit(self) -> None:
        self.current -= 1
        loop = asyncio._get_running_loop()
        if loop is not None:
            self.finish_times.append(loop.time())

    @contextmanager
    def held(self) -> Iterator[None]:
        self.enter()
        try:
            yield
        finally:
            self.exit()
