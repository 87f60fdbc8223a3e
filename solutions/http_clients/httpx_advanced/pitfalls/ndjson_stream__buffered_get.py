"""Pitfall: `await client.get()` then `.text.splitlines()`: the whole body is downloaded first.

Rejected by: test_first_record_arrives_before_the_body_is_downloaded
Why it is wrong: a buffered response holds the entire feed in memory and the first record waits for the
last byte; on an endless or huge NDJSON stream the consumer never sees anything, or the pod runs out of memory.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from solutions.http_clients.httpx_advanced.ndjson_stream import *  # the rest is the reference


async def iter_records(client: httpx.AsyncClient, url: str) -> AsyncIterator[dict[str, Any]]:
    response = await client.get(url)
    response.raise_for_status()
    for line in response.text.splitlines():
        if line.strip():
            yield json.loads(line)
