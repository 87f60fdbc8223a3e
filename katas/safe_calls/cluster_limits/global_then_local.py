"""Exercise 4 of cluster_limits: local admission first, then a bounded wait for a global vendor token.

Brief: katas/safe_calls/cluster_limits/README.md. Run: `kata run global_then_local`.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol

import httpx

from katas.safe_calls.cluster_limits.pod_guard import PodGuard


class TryAcquire(Protocol):
    """Any limiter that answers at once whether a call may start (FixedWindowLimiter, SlidingWindowLimiter)."""

    async def try_acquire(self) -> bool:
        """True if this call may start now (and it has been counted)."""
        raise NotImplementedError


class VendorBudgetExhausted(Exception):
    """The global vendor quota had no room before the deadline: fail fast, the caller may try later."""


async def acquire_within(
    limiter: TryAcquire,
    *,
    deadline_s: float,
    rng: random.Random,
    clock: Callable[[], float],
    poll_s: float = 0.1,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> None:
    """Poll `limiter.try_acquire()` until it grants, for at most `deadline_s` seconds measured on `clock`.
    The first try happens at once (no sleep before it).

    Between tries sleep `poll_s * rng.uniform(0.5, 1.5)` (jitter, so pods do not poll in lock-step), but
    never past the deadline: the last try happens at the deadline. If that one fails too, raise
    VendorBudgetExhausted.
    """
    raise NotImplementedError


class Pod:
    """One replica calling the vendor: its local guard, the cluster-wide limiter, its own client."""

    def __init__(
        self,
        *,
        guard: PodGuard,
        global_limiter: TryAcquire,
        client: httpx.AsyncClient,
        deadline_s: float,
        rng: random.Random,
        clock: Callable[[], float],
    ) -> None:
        """Keep the collaborators."""
        raise NotImplementedError

    async def call(self, payload: Mapping[str, Any]) -> Any:
        """Hold a local slot (guard.slot(): Overloaded if none) for the WHOLE call: inside it, wait for a
        global token with acquire_within (VendorBudgetExhausted if none in time), then POST `payload` to
        /v1/complete and return the vendor's JSON (raise_for_status first: an error status raises
        httpx.HTTPStatusError)."""
        raise NotImplementedError
