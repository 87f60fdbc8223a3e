"""Pitfall: raising PoolExhausted without chaining the PoolTimeout.

Rejected by: test_exhausted_pool_is_shed_fast
Why it is wrong: `raise ... from None` (or a raise outside the except) loses which pool and request
timed out; the traceback and error reporting should keep the httpx cause.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.pool_pressure import *  # the rest is the reference
from solutions.http_clients.httpx_pooling.pool_pressure import PoolExhausted


async def get_or_shed(client: httpx.AsyncClient, path: str) -> httpx.Response:
    try:
        return await client.get(path)
    except httpx.PoolTimeout:
        raise PoolExhausted(f"no connection free for GET {path}") from None
