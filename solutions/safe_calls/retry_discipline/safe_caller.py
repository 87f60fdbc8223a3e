"""Reference solution: safe_caller."""

from __future__ import annotations

import asyncio
import random
import uuid
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from katas.safe_calls.retry_discipline.backoff_schedule import retry_delay
from katas.safe_calls.retry_discipline.failure_classes import Overloaded, Verdict, classify


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 3
    queue_budget: float = 5.0
    call_budget: float = 30.0
    max_retry_after: float = 60.0


@dataclass
class GaveUp(Exception):
    attempts: int
    status: int | None


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


class SafeCaller:
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
        self._client, self._slots, self._limiter, self._rng = client, slots, limiter, rng
        self._policy, self._sleep, self._now, self._new_key = policy, sleep, now, new_key

    async def post_json(self, path: str, payload: Mapping[str, Any]) -> Any:
        key = self._new_key()  # one key for every attempt of this logical call
        for attempt in range(self._policy.max_attempts):
            try:
                return await self._attempt(path, payload, key)
            except Overloaded:
                raise
            except Exception as exc:
                if classify(exc) is Verdict.GIVE_UP or attempt + 1 == self._policy.max_attempts:
                    status = exc.response.status_code if isinstance(exc, httpx.HTTPStatusError) else None
                    raise GaveUp(attempts=attempt + 1, status=status) from exc
                delay = self._delay(attempt, exc)
            await self._sleep(delay)  # holding nothing: no limiter, no slot
        raise AssertionError("unreachable: max_attempts must be at least 1")

    def _delay(self, attempt: int, exc: Exception) -> float:
        return retry_delay(
            attempt, exc, rng=self._rng, now=self._now(), max_retry_after=self._policy.max_retry_after
        )

    async def _attempt(self, path: str, payload: Mapping[str, Any], key: str) -> Any:
        async with self._limiter:
            try:
                async with asyncio.timeout(self._policy.queue_budget):  # bounds the wait for a slot only
                    await self._slots.acquire()
            except TimeoutError:
                raise Overloaded(f"no slot free within {self._policy.queue_budget:g} s") from None
            try:
                async with asyncio.timeout(self._policy.call_budget):
                    response = await self._client.post(
                        path, json=dict(payload), headers={"Idempotency-Key": key}
                    )
                response.raise_for_status()
                return response.json()
            finally:
                self._slots.release()
