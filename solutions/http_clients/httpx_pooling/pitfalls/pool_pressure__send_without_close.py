"""Pitfall: `client.send(request, stream=True)` and returning without closing the response.

Rejected by: test_reads_no_more_than_the_first_line_and_closes
Why it is wrong: an unclosed streamed response keeps its connection checked out of the pool; with a small
pool the next request waits for it until PoolTimeout.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.pool_pressure import *  # the rest is the reference


async def status_and_first_line(client: httpx.AsyncClient, path: str) -> tuple[int, str]:
    response = await client.send(client.build_request("GET", path), stream=True)
    async for line in response.aiter_lines():
        return response.status_code, line
    return response.status_code, ""
