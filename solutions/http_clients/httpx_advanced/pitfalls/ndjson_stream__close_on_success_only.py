"""Pitfall: download closes the streamed response after the loop and on a bad status, but not when the sink fails.

Rejected by: test_a_failing_sink_still_closes_the_response
Why it is wrong: a full disk or a failed upload raises out of the loop and skips the aclose(); the
response keeps its connection checked out of the pool (and the server keeps sending into it).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx

from solutions.http_clients.httpx_advanced.ndjson_stream import *  # the rest is the reference


async def download(
    client: httpx.AsyncClient,
    url: str,
    sink: Callable[[bytes], Awaitable[None]],
    *,
    chunk_size: int = 65_536,
) -> int:
    response = await client.send(client.build_request("GET", url), stream=True)
    if response.is_error:
        await response.aclose()
        response.raise_for_status()
    total = 0
    async for piece in response.aiter_bytes(chunk_size=chunk_size):
        await sink(piece)
        total += len(piece)
    await response.aclose()
    return total
