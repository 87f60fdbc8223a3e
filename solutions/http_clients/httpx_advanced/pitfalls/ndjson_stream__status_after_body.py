"""Pitfall: streaming the body to the sink and checking the status only at the end.

Rejected by: test_download_checks_the_status_first
Why it is wrong: the error page has already been written where the file should be; the status is known
before the first body byte, so check it first.
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
    total = 0
    async with client.stream("GET", url) as response:
        async for piece in response.aiter_bytes(chunk_size=chunk_size):
            await sink(piece)
            total += len(piece)
        response.raise_for_status()
    return total
