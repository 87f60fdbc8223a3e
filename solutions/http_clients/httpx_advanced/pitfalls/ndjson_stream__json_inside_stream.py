"""Pitfall: calling `response.json()` on a streamed response.

Rejected by: test_records_split_across_chunks_and_blank_lines
Why it is wrong: a streamed body has not been read, so httpx raises `ResponseNotRead`; and reading it
all first (`aread()`) would give up the bounded memory that streaming was for.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx

from solutions.http_clients.httpx_advanced.ndjson_stream import *  # the rest is the reference


async def iter_records(client: httpx.AsyncClient, url: str) -> AsyncIterator[dict[str, Any]]:
    async with client.stream("GET", url) as response:
        response.raise_for_status()
        for record in response.json():
            yield record
