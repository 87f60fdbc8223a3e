"""Pitfall: `except httpx.TimeoutException` to detect pool exhaustion.

Rejected by: test_a_read_timeout_is_not_pool_exhaustion
Why it is wrong: a slow upstream (ReadTimeout) or an unreachable one (ConnectTimeout) is not our pool being
full; reporting it as load shedding sends the on-call engineer to the wrong place.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.pool_pressure import *  # the rest is the reference
from solutions.http_clients.httpx_pooling.pool_pressure import PoolExhausted


async def get_or_shed(client: httpx.AsyncClient, path: str) -> httpx.Response:
    try:
        return await client.get(path)
    except httpx.TimeoutException as exc:
        raise PoolExhausted(str(exc)) from exc
