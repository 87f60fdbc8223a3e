"""Pitfall: reading `response.text` of a streamed error response without `await response.aread()`.

Rejected by: test_client_error_is_raised_with_the_vendor_message
Why it is wrong: with `stream=True` the body has not been read, so `.text` raises httpx.ResponseNotRead
(note 07 §7's `e.response.text`): the caller gets an httpx internals error instead of the vendor's reason.
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
            finally:
                await response.aclose()
        except _TRANSIENT:
            if delivered or attempt == max_attempts - 1:
                raise
        await sleep(backoff(attempt))
