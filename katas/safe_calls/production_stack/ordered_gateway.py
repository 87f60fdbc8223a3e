"""Exercise 5 of production_stack: reject, then wait, then reserve, then call, in that order.

Brief: katas/safe_calls/production_stack/README.md. Run: `kata run ordered_gateway`.
"""

from __future__ import annotations

import asyncio
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from fastapi import FastAPI

from katas.safe_calls.production_stack.tier_quota import QuotaExceeded as QuotaExceeded  # re-exported


class QueueTimeout(Exception):
    """Could not start within queue_timeout_s: our own overload, never the vendor's fault, never retried."""


class CallTimeout(Exception):
    """The vendor call itself exceeded call_timeout_s."""


@dataclass(eq=False)
class VendorError(Exception):
    """The vendor answered with an error status (4xx or 5xx)."""

    status: int


@dataclass(eq=False)
class BreakerOpen(Exception):
    """The circuit breaker is failing fast; try again in `retry_after` seconds."""

    retry_after: float


@dataclass(eq=False)
class VendorQuotaExhausted(Exception):
    """The vendor's global (all pods) rate budget has no token within our wait; retry after `retry_after` s."""

    retry_after: float


class QuotaCheck(Protocol):
    async def hit(self, key: str, tier: str, scope: str = "default") -> int:
        """Count one request for the user; raise QuotaExceeded when over budget (tier_quota's FixedWindowQuota)."""
        raise NotImplementedError


class Breaker(Protocol):
    def before_call(self) -> None:
        """Raise BreakerOpen to fail fast, or admit the call (reserving a probe slot when half-open)."""
        raise NotImplementedError

    def record_success(self) -> None:
        """The admitted call worked."""
        raise NotImplementedError

    def record_failure(self) -> None:
        """The vendor failed the admitted call (5xx, transport error, call timeout)."""
        raise NotImplementedError

    def record_neutral(self) -> None:
        """The admitted call ended without telling us anything about the vendor's health."""
        raise NotImplementedError


class VendorLimiter(Protocol):
    async def acquire(self, timeout_s: float) -> None:
        """Reserve one global vendor token, waiting at most timeout_s, or raise VendorQuotaExhausted."""
        raise NotImplementedError


@dataclass
class Gateway:
    """Every outbound vendor call of this pod goes through `call`."""

    client: httpx.AsyncClient
    url: str
    quota: QuotaCheck
    breaker: Breaker
    vendor_limiter: VendorLimiter
    local_limiter: AbstractAsyncContextManager[Any]
    slots: asyncio.Semaphore
    queue_timeout_s: float = 5.0
    call_timeout_s: float = 30.0

    async def call(self, user_id: str, tier: str, payload: dict[str, Any]) -> dict[str, Any]:
        """POST `payload` to `url` and return the JSON answer, in this order:

        1. cheap rejections: `quota.hit(user_id, tier, "vendor")`, then `breaker.before_call()`;
        2. bounded waiting, all inside ONE `queue_timeout_s` budget: the global vendor token
           (`vendor_limiter.acquire`), then the local smoothing limiter (enter and leave it), then a slot
           from `slots`. Running out of that budget raises QueueTimeout;
        3. the call, under its own `call_timeout_s` (CallTimeout), holding the slot only for the call;
        4. release the slot, then exactly one breaker record for every call `before_call` admitted:
           success (2xx/3xx), failure (5xx → VendorError, transport error, CallTimeout) or neutral
           (4xx → VendorError, QueueTimeout, VendorQuotaExhausted, cancellation).
        """
        raise NotImplementedError


def install_error_mapping(app: FastAPI) -> None:
    """Translate the gateway's exceptions into HTTP answers with JSON bodies:

    QuotaExceeded → 429 with Retry-After; BreakerOpen → 503 with Retry-After; VendorQuotaExhausted → 503
    with Retry-After; QueueTimeout → 503; CallTimeout → 504; VendorError → 502. Retry-After is whole
    seconds, rounded up.
    """
    raise NotImplementedError
