"""Pitfall: splitting each raw `aiter_bytes()` chunk on newlines instead of letting httpx reassemble lines.

Rejected by: test_records_split_across_chunks_and_blank_lines
Why it is wrong: network chunks do not respect record boundaries; a record split across two reads
becomes two halves that are not JSON, so the feed breaks at random depending on packet timing.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from solutions.http_clients.httpx_advanced.ndjson_stream import *  # the rest is the reference


async def iter_records(client: httpx.AsyncClient, url: str) -> AsyncIterator[dict[str, Any]]:
    async with client.stream("GET", url) as response:
        response.raise_for_status()
        async for chunk in response.aiter_bytes():
            for line in chunk.splitlines():
                if line.strip():
                    yield json.loads(line)
