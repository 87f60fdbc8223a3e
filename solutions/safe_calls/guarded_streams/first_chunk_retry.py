"""Reference solution: first_chunk_retry."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import httpx


@dataclass(eq=False)
class UpstreamRejected(Exception):
    """The upstream refused the request (a 4xx other than 429): retrying cannot help. `detail` is the
    vendor's error body, for logs (never for the end user)."""

    status: int
    detail: str


_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError, httpx.HTTPStatusError)


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
                    await response.aread()  # a streamed body must be read before .text works
                    if response.status_code != 429 and response.status_code < 500:
                        raise UpstreamRejected(response.status_code, response.text)
                    response.raise_for_status()
                async for line in response.aiter_lines():
                    if not line.startswith("data:"):
                        continue
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
        await sleep(backoff(attempt))  # the response is closed: we hold no connection while waiting
