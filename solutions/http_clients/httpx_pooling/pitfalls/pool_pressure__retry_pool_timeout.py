"""Pitfall: retrying PoolTimeout in a loop "until a connection frees up".

Rejected by: test_exhausted_pool_is_shed_fast
Why it is wrong: shedding exists to fail fast under overload; retrying keeps the caller (and its task,
memory and upstream budget) waiting several pool budgets exactly when the service is overloaded.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.pool_pressure import *  # the rest is the reference
from solutions.http_clients.httpx_pooling.pool_pressure import PoolExhausted


async def get_or_shed(client: httpx.AsyncClient, path: str) -> httpx.Response:
    for _ in range(3):
        try:
            return await client.get(path)
        except httpx.PoolTimeout as exc:
            last = exc
    raise PoolExhausted(f"no connection free for GET {path}") from last
