"""Pitfall: a pre-flight `GET /v1/models` health check before each stream (note 07 §7 alternative).

Rejected by: test_only_the_stream_itself_is_requested
Why it is wrong: it doubles the requests the vendor sees (and counts against rate limits), and a healthy
answer proves nothing about the next request: a check-then-act race. Retrying the start covers it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx

from solutions.safe_calls.guarded_streams.first_chunk_retry import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.first_chunk_retry import stream_data_with_retry as _reference


async def stream_data_with_retry(
    client: httpx.AsyncClient,
    build_request: Callable[[], httpx.Request],
    *,
    max_attempts: int = 3,
    backoff: Callable[[int], float],
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> AsyncIterator[str]:
    health = await client.get("/v1/models")
    health.raise_for_status()
    async for payload in _reference(
        client, build_request, max_attempts=max_attempts, backoff=backoff, sleep=sleep
    ):
        yield payload
