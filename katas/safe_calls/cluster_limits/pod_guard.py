"""Exercise 1 of cluster_limits: protect one pod, sized from the pod's capacity, failing fast under a burst.

Brief: katas/safe_calls/cluster_limits/README.md. Run: `kata run pod_guard`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


class Overloaded(Exception):
    """No slot became free within the queue budget: reject now so the caller (or the load balancer) can go
    elsewhere. Never retried in this pod."""


def local_rate_per_minute(gate_size: int, avg_latency_s: float, safety: float = 0.8) -> int:
    """Sustainable call starts per minute for ONE pod: it holds `gate_size` calls in flight, each lasting
    about `avg_latency_s`, so it completes gate_size / avg_latency_s per second; times 60, times the
    `safety` factor, rounded down. (Never derived from the vendor's quota.)"""
    raise NotImplementedError


@dataclass
class GuardStats:
    """What the guard did so far."""

    started: int = 0  # callers that got a slot
    rejected: int = 0  # callers that got Overloaded
    peak: int = 0  # most slots held at once
    rejected_at: list[float] = field(default_factory=list)  # loop time of each rejection


class PodGuard:
    """At most `slots` calls in flight in this pod; a caller waits at most `queue_budget` seconds for one."""

    def __init__(self, *, slots: int, queue_budget: float) -> None:
        """Create the guard inside the running event loop; `self.stats` starts as a GuardStats() of its own."""
        raise NotImplementedError

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one slot for the body. If none frees up within queue_budget, record the rejection (count
        and loop time) and raise Overloaded. Count `started` only once the slot is held, keep `peak`, and
        always give the slot back, even when the body raises."""
        raise NotImplementedError
