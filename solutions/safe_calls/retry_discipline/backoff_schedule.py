"""Reference solution: backoff_schedule."""

from __future__ import annotations

import random
from datetime import datetime

import httpx

from katas.safe_calls.retry_discipline.failure_classes import parse_retry_after


def full_jitter(attempt: int, *, rng: random.Random, base: float = 1.0, cap: float = 32.0) -> float:
    ceiling = min(cap, base * 2**attempt)
    return rng.uniform(0, ceiling)


def decorrelated_jitter(
    previous: float, *, rng: random.Random, base: float = 1.0, cap: float = 32.0
) -> float:
    return min(cap, rng.uniform(base, previous * 3))


def retry_delay(
    attempt: int,
    exc: BaseException,
    *,
    rng: random.Random,
    now: datetime,
    max_retry_after: float = 60.0,
) -> float:
    if isinstance(exc, httpx.HTTPStatusError):
        server_delay = parse_retry_after(exc.response.headers.get("Retry-After"), now=now)
        if server_delay is not None:
            return min(server_delay, max_retry_after)
    return full_jitter(attempt, rng=rng)
