"""Pitfall: backing off inside the open response (`async with client.stream(...)`), then retrying.

Rejected by: test_response_is_closed_before_the_backoff_sleep
Why it is wrong: the failed response, and the pooled connection under it, stay checked out for the whole
backoff; under load the retries exhaust the pool (PoolTimeout) for everyone else.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx

from solutions.safe_calls.guarded_streams.first_chunk_retry import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.first_chunk_retry import _TRANSIENT, UpstreamRejected


async def stream_data_with_retry(
    client: httpx.AsyncClient,
    build_request: Callable[[], httpx.Request],
    *,
    max_attempts: int = 3,
    backoff: Callable[[int], float],
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> AsyncIterator[str]:
    for attempt in range(max_attempts):
        delivered = False
        response: httpx.Response | None = None
        try:
            response = await client.send(build_request(), stream=True)
            if response.status_code >= 400:
                await response.aread()
                if response.status_code != 429 and response.status_code < 500:
                    raise UpstreamRejected(response.status_code, response.text)
                response.raise_for_status()
            async for line in response.aiter_lines():
                if line.startswith("data:"):
                    payload = line[5:].removeprefix(" ")
                    if payload == "[DONE]":
                        return
                    delivered = True
                    yield payload
            return
        except _TRANSIENT:
            if delivered or attempt == max_attempts - 1:
                raise
            await sleep(backoff(attempt))  # still inside: the failed response is not closed yet
        finally:
            if response is not None:
                await response.aclose()
