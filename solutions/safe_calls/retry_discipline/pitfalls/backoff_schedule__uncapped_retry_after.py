"""Pitfall: obeying any Retry-After, however long.

Rejected by: test_retry_delay_honours_retry_after
Why it is wrong: one misconfigured header (3600) parks the request, its slot in the caller and the user
for an hour; cap the server's delay and give up instead if the wait is too long.
"""

from __future__ import annotations

import random
from datetime import datetime

import httpx

from solutions.safe_calls.retry_discipline.backoff_schedule import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.backoff_schedule import full_jitter, parse_retry_after


def retry_delay(
    attempt: int, exc: BaseException, *, rng: random.Random, now: datetime, max_retry_after: float = 60.0
) -> float:
    if isinstance(exc, httpx.HTTPStatusError):
        server_delay = parse_retry_after(exc.response.headers.get("Retry-After"), now=now)
        if server_delay is not None:
            return server_delay
    return full_jitter(attempt, rng=rng)
