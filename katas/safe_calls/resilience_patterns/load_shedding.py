"""Exercise 4 of resilience_patterns: shed load early, by backlog, tier and latency (with hysteresis).

Brief: katas/safe_calls/resilience_patterns/README.md. Run: `kata run load_shedding`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass


class RollingWindow:
    """Time-windowed (duration, ok) samples of recent vendor calls, read with an injected clock."""

    def __init__(self, window_s: float, clock: Callable[[], float]) -> None:
        """Keep the samples of the last `window_s` seconds by `clock`."""
        raise NotImplementedError

    def record(self, duration_s: float, ok: bool) -> None:
        """Add one sample, stamped with `clock()`; samples `window_s` or more old are dropped."""
        raise NotImplementedError

    def error_rate(self) -> float:
        """Share of failed samples (ok=False) within the window; 0.0 when there are none."""
        raise NotImplementedError

    def p95(self) -> float | None:
        """Nearest-rank 95th percentile of the durations within the window: the value at rank
        ceil(0.95 * n) of the sorted durations (1-based). None when there are none."""
        raise NotImplementedError


@dataclass(frozen=True)
class Decision:
    """What the shedder says about one request. Only the HTTP layer turns it into a response."""

    admit: bool
    status: int | None = None  # when shed: the HTTP status to answer
    retry_after_s: int | None = None  # when shed: whole seconds for the Retry-After header
    reason: str = ""  # when shed: "queue", "tier" or "latency"


class LoadShedder:
    """Early, pod-local rejection, cheapest signal first:

    1. backlog: `queue_depth >= max_queue` sheds every tier (reason "queue");
    2. tier by pressure: above 0.9 only "premium" is admitted, above 0.7 "free" is shed, at or below 0.7
       everyone is admitted; an unknown tier is treated as "free" (reason "tier");
    3. latency with hysteresis: start shedding when the window's p95 rises above `enter_ratio * sla_s`,
       stop only once it falls below `exit_ratio * sla_s` (reason "latency").
    A shed request gets status 503 (the server's overload; 429 is for a client's own quota) and
    `retry_after_s`.
    """

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
        """Remember the settings; the latency state starts at "not shedding"."""
        raise NotImplementedError

    def decide(self, *, tier: str, queue_depth: int, pressure: float) -> Decision:
        """Admit (`Decision(admit=True)`) or shed (`Decision(False, 503, retry_after_s, reason)`)."""
        raise NotImplementedError


def shed_dependency(
    shedder: LoadShedder, signals: Callable[[], tuple[int, float]]
) -> Callable[..., Awaitable[None]]:
    """A FastAPI dependency: read the tier from the X-Tier header (default "free"), `queue_depth, pressure =
    signals()`, ask `shedder.decide`, and when it sheds raise HTTPException(decision.status) with a
    Retry-After header, before the endpoint does any work."""
    raise NotImplementedError
