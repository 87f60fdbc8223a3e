"""Several simulated pods sharing one (fake) Redis: one FakeServer, one async client per pod."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import fakeredis


@asynccontextmanager
async def redis_pods(n: int) -> AsyncIterator[list[fakeredis.FakeAsyncRedis]]:
    """`n` async Redis clients (one per pod) that all see the same data, as pods of one deployment see one
    Redis. Lua scripts work (fakeredis[lua]). The clients are closed (aclose) on exit."""
    server = fakeredis.FakeServer()
    clients = [fakeredis.FakeAsyncRedis(server=server) for _ in range(n)]
    try:
        yield clients
    finally:
        for client in clients:
            await client.aclose()
