"""Reference solution: ndjson_stream."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx


async def iter_records(client: httpx.AsyncClient, url: str) -> AsyncIterator[dict[str, Any]]:
    # Yielding inside `async with` ties the response to the generator: closing one closes the other.
    async with client.stream("GET", url) as response:
        response.raise_for_status()
        async for line in response.aiter_lines():  # reassembles lines across chunks, strips \r\n
            if line.strip():
                yield json.loads(line)


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
        async for piece in response.aiter_bytes(chunk_size=chunk_size):
            await sink(piece)
            total += len(piece)
    return total
