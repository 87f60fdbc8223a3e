"""Pitfall: decoding every line, blank ones included.

Rejected by: test_records_split_across_chunks_and_blank_lines
Why it is wrong: NDJSON producers send blank lines as keep-alives (and a trailing newline is normal);
`json.loads("")` raises, so the consumer dies on the first heartbeat.
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
        async for line in response.aiter_lines():
            yield json.loads(line)
