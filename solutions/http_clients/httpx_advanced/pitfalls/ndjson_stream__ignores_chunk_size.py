"""Pitfall: passing the network's chunks straight to the sink, ignoring `chunk_size`.

Rejected by: test_download_pieces_are_bounded_by_chunk_size
Why it is wrong: the server decides how big a read is; the caller's bound on memory per write (an upload
part, a buffer) is then not honoured.
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
        response.raise_for_status()
        async for piece in response.aiter_bytes():
            await sink(piece)
            total += len(piece)
    return total
