"""Pitfall: calling asyncio.sleep directly instead of the injected sleep.

Rejected by: test_retries_with_full_jitter_from_the_injected_rng
Why it is wrong: the waits can be neither observed nor shortened in tests, and callers cannot plug in
their own policy (a deadline-aware sleep, a metrics hook); the injected sleep saw no calls.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable

import httpx

from solutions.http_clients.httpx_advanced.retry_layers import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.retry_layers import should_retry


async def send_with_retries(
    client: httpx.AsyncClient,
    request: httpx.Request,
    *,
    attempts: int,
    base_delay: float,
    max_delay: float,
    sleep: Callable[[float], Awaitable[None]],
    rng: random.Random,
) -> httpx.Response:
    for attempt in range(attempts):
        last = attempt == attempts - 1
        try:
            response = await client.send(request)
        except httpx.TransportError as exc:
            if last or not should_retry(request.method, exc=exc):
                raise
        else:
            if last or not should_retry(request.method, response=response):
                return response
        await asyncio.sleep(rng.uniform(0, min(max_delay, base_delay * 2**attempt)))
    raise ValueError("attempts must be at least 1")
