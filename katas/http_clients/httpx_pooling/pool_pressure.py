"""Exercise 2 of httpx_pooling: shed load when the pool is exhausted, and give connections back early.

Brief: katas/http_clients/httpx_pooling/README.md. Run: `kata run pool_pressure`.
"""

from __future__ import annotations

import httpx


class PoolExhausted(Exception):
    """No pooled connection became free in time: the request was shed (map it to a fast 503)."""


async def get_or_shed(client: httpx.AsyncClient, path: str) -> httpx.Response:
    """GET `path`. If no pooled connection frees up within the pool budget, raise PoolExhausted (chained
    from the httpx.PoolTimeout); every other error propagates unchanged. Never retry here."""
    raise NotImplementedError


async def status_and_first_line(client: httpx.AsyncClient, path: str) -> tuple[int, str]:
    """Stream the answer to GET `path` and return its status and the first line of its body ("" when
    the body is empty), reading no more of the body than that, and giving the connection back (closing
    the response) before returning."""
    raise NotImplementedError
