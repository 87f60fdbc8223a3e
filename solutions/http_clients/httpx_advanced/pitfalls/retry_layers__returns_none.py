"""Pitfall: the note's loop, which falls out of the for loop after the last 5xx and returns None.

Rejected by: test_exhausted_retries_return_the_last_response
Why it is wrong: the caller gets None instead of a response or an error, and fails later with an
AttributeError far from the cause; after the last attempt return the last response (or raise).
"""

from __future__ import annotations

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
        try:
            response = await client.send(request)
        except httpx.TransportError as exc:
            if attempt == attempts - 1 or not should_retry(request.method, exc=exc):
                raise
        else:
            if not should_retry(request.method, response=response):
                return response
        await sleep(rng.uniform(0, min(max_delay, base_delay * 2**attempt)))
    return None  # type: ignore[return-value]
