"""Pitfall: cutting a fixed "data: " (six characters) off every line, and yielding every non-comment line.

Rejected by: test_only_data_payloads_are_yielded_exactly
Why it is wrong: the space after "data:" is optional in SSE, so "data:tight" loses its first letter, and
`event:`/`id:`/`retry:` fields reach the client as if they were model output.
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
        try:
            response = await client.send(build_request(), stream=True)
            try:
                if response.status_code >= 400:
                    await response.aread()
                    if response.status_code != 429 and response.status_code < 500:
                        raise UpstreamRejected(response.status_code, response.text)
                    response.raise_for_status()
                async for line in response.aiter_lines():
                    if not line or line.startswith(":"):
                        continue
                    payload = line[6:]
                    if payload == "[DONE]":
                        return
                    delivered = True
                    yield payload
                return
            finally:
                await response.aclose()
        except _TRANSIENT:
            if delivered or attempt == max_attempts - 1:
                raise
        await sleep(backoff(attempt))
