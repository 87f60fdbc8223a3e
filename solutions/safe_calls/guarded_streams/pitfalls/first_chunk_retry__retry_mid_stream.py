"""Pitfall: retrying every transient failure, even after payloads were yielded.

Rejected by: test_failure_after_a_payload_is_not_retried
Why it is wrong: the client already has the first tokens; a new attempt starts the answer again, so the
user sees "HelloHello..." (or a different answer spliced onto the first). After the first payload a
failure is final: report it.
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
        try:
            response = await client.send(build_request(), stream=True)
            try:
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
                        yield payload
                return
            finally:
                await response.aclose()
        except _TRANSIENT:
            if attempt == max_attempts - 1:
                raise
        await sleep(backoff(attempt))
