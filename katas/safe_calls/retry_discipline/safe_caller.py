"""Exercise 3 of retry_discipline: a retry loop wrapped AROUND the limiter, the slot and the call budget.

Brief: katas/safe_calls/retry_discipline/README.md. Run: `kata run safe_caller`.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx


@dataclass(frozen=True)
class RetryPolicy:
    """The budgets of one logical call."""

    max_attempts: int = 3  # vendor attempts in total, the first one included
    queue_budget: float = 5.0  # longest wait for a free slot; past it, fail fast with Overloaded
    call_budget: float = 30.0  # longest single vendor call, once a slot is held
    max_retry_after: float = 60.0  # the longest Retry-After we obey


@dataclass
class GaveUp(Exception):
    """The final failure of a logical call; `raise GaveUp(...) from last_error` keeps the cause."""

    attempts: int  # vendor attempts made
    status: int | None  # the last HTTP status, or None when the last failure was not an HTTP answer


def utc_now() -> datetime:
    """The current time as an aware UTC datetime (the default `now`)."""
    raise NotImplementedError


def new_idempotency_key() -> str:
    """A fresh, unique idempotency key (the default `new_key`), e.g. a UUID4 string."""
    raise NotImplementedError


class SafeCaller:
    """Calls one vendor safely: retry loop → rate limiter → slot (semaphore) → call budget → request.

    Each attempt enters the limiter and takes a slot again; backoff sleeps hold neither. Waiting longer
    than `policy.queue_budget` for a slot raises `Overloaded` (from failure_classes) at once, never
    retried. Failures are classified with `classify`; delays come from `retry_delay` (backoff_schedule)
    and are slept with the injected `sleep`. Every attempt of one call sends the same `Idempotency-Key`
    header, made once per call with `new_key()`.
    """

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        slots: asyncio.Semaphore,
        limiter: AbstractAsyncContextManager[Any],
        rng: random.Random,
        policy: RetryPolicy = RetryPolicy(),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        now: Callable[[], datetime] = utc_now,
        new_key: Callable[[], str] = new_idempotency_key,
    ) -> None:
        """Keep the collaborators; no I/O here."""
        raise NotImplementedError

    async def post_json(self, path: str, payload: Mapping[str, Any]) -> Any:
        """POST `payload` as JSON to `path` and return the decoded JSON body of a 2xx answer.

        Raises `Overloaded` when no slot frees within the queue budget (no vendor call, no retry), and
        `GaveUp(attempts, status)` from the last error when the attempts run out or a failure is
        permanent.
        """
        raise NotImplementedError
