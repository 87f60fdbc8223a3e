"""Exercise 2 of httpx_advanced: stream an NDJSON body record by record, and download in bounded pieces.

Brief: katas/http_clients/httpx_advanced/README.md. Run: `kata run ndjson_stream`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx


def iter_records(client: httpx.AsyncClient, url: str) -> AsyncIterator[dict[str, Any]]:
    """Write this as an async generator (`async def` with `yield`). Yield one decoded JSON object per non-blank line of a streamed NDJSON body.

    - Never buffer the whole body: the first record must be yielded after the first line arrived,
      not after the last byte.
    - Lines may end in "\\n" or "\\r\\n", a record may be split across network chunks, and blank
      lines (keep-alive newlines) carry no record.
    - A 4xx/5xx answer raises `httpx.HTTPStatusError` before anything is yielded.
    - When the consumer stops early (`await agen.aclose()`), the response is closed, so its
      connection goes back to the pool.
    """
    raise NotImplementedError


async def download(
    client: httpx.AsyncClient,
    url: str,
    sink: Callable[[bytes], Awaitable[None]],
    *,
    chunk_size: int = 65_536,
) -> int:
    """GET `url` as a stream and feed its body to `await sink(piece)`; return the number of bytes fed.

    Check the status first: a 4xx/5xx raises `httpx.HTTPStatusError` and `sink` is never called.
    Every piece is at most `chunk_size` bytes, and the pieces concatenated are exactly the body.
    The response is closed on every path.
    """
    raise NotImplementedError
