"""Exercise 4 of retry_discipline: say "429, come back later" at once instead of queueing.

Brief: katas/safe_calls/retry_discipline/README.md. Run: `kata run hard_reject`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aiolimiter import AsyncLimiter
from fastapi import FastAPI


@dataclass
class RateLimited(Exception):
    """No token could be had quickly enough."""

    retry_after: int  # whole seconds, at least 1: when a token should be free again


async def start_or_reject(limiter: AsyncLimiter, *, max_wait: float = 0.0) -> None:
    """Take exactly one token from `limiter`, waiting at most `max_wait` seconds for it.

    If no token can be had in time, raise `RateLimited` with `retry_after` estimated from the limiter's
    rate (`limiter.time_period / limiter.max_rate` seconds per token, rounded up, at least 1). Never take
    more than one token per call, and never take one without keeping it.
    """
    raise NotImplementedError


def create_app(limiter_factory: Callable[[], AsyncLimiter]) -> FastAPI:
    """An app whose `POST /burst` answers 200 `{"accepted": true}` when a token was taken, and 429 with a
    `Retry-After` header (whole seconds) and `{"detail": "rate limited"}` otherwise.

    Build ONE limiter with `limiter_factory()` when the app starts (in its lifespan) and keep it on
    `app.state.limiter`; every request shares it.
    """
    raise NotImplementedError
