"""Reference solution: load_shedding."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Header, HTTPException


class RollingWindow:
    def __init__(self, window_s: float, clock: Callable[[], float]) -> None:
        self.window_s = window_s
        self.clock = clock
        self._samples: deque[tuple[float, float, bool]] = deque()  # (at, duration, ok), oldest first

    def _current(self) -> deque[tuple[float, float, bool]]:
        horizon = self.clock() - self.window_s
        while self._samples and self._samples[0][0] <= horizon:
            self._samples.popleft()
        return self._samples

    def record(self, duration_s: float, ok: bool) -> None:
        self._current().append((self.clock(), duration_s, ok))

    def error_rate(self) -> float:
        samples = self._current()
        return sum(not ok for _, _, ok in samples) / len(samples) if samples else 0.0

    def p95(self) -> float | None:
        durations = sorted(d for _, d, _ in self._current())
        return durations[math.ceil(0.95 * len(durations)) - 1] if durations else None


@dataclass(frozen=True)
class Decision:
    admit: bool
    status: int | None = None
    retry_after_s: int | None = None
    reason: str = ""


class LoadShedder:
    def __init__(
        self,
        *,
        max_queue: int,
        sla_s: float,
        window: RollingWindow,
        enter_ratio: float = 0.9,
        exit_ratio: float = 0.7,
        retry_after_s: int = 1,
    ) -> None:
        self.max_queue = max_queue
        self.sla_s = sla_s
        self.window = window
        self.enter_ratio = enter_ratio
        self.exit_ratio = exit_ratio
        self.retry_after_s = retry_after_s
        self._slow = False  # latency state: remembered, because enter and exit thresholds differ

    def _shed(self, reason: str) -> Decision:
        return Decision(False, 503, self.retry_after_s, reason)

    def decide(self, *, tier: str, queue_depth: int, pressure: float) -> Decision:
        if queue_depth >= self.max_queue:
            return self._shed("queue")
        if (pressure > 0.9 and tier != "premium") or (pressure > 0.7 and tier not in ("pro", "premium")):
            return self._shed("tier")
        p95 = self.window.p95()
        if p95 is not None:
            if not self._slow and p95 > self.enter_ratio * self.sla_s:
                self._slow = True
            elif self._slow and p95 < self.exit_ratio * self.sla_s:
                self._slow = False
        return self._shed("latency") if self._slow else Decision(True)


def shed_dependency(
    shedder: LoadShedder, signals: Callable[[], tuple[int, float]]
) -> Callable[..., Awaitable[None]]:
    async def shed(x_tier: Annotated[str, Header()] = "free") -> None:
        queue_depth, pressure = signals()
        decision = shedder.decide(tier=x_tier, queue_depth=queue_depth, pressure=pressure)
        if not decision.admit:
            raise HTTPException(
                decision.status or 503,
                detail=f"overloaded ({decision.reason}), retry shortly",
                headers={"Retry-After": str(decision.retry_after_s)},
            )

    return shed
