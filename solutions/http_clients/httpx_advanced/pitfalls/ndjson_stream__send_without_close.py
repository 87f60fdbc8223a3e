"""Pitfall: `client.send(request, stream=True)` with nothing that closes the response.

Rejected by: test_stopping_early_closes_the_response
Why it is wrong: when the consumer stops early the response stays open and its connection never returns
to the pool; a few abandoned feeds and every later request waits for a connection until PoolTimeout.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from solutions.http_clients.httpx_advanced.ndjson_stream import *  # the rest is the reference


async def iter_records(client: httpx.AsyncClient, url: str) -> AsyncIterator[dict[str, Any]]:
    response = await client.send(client.build_request("GET", url), stream=True)
    response.raise_for_status()
    async for line in response.aiter_lines():
        if line.strip():
            yield json.loads(line)
