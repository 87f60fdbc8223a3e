"""Reference solution: pool_pressure."""

from __future__ import annotations

import httpx


class PoolExhausted(Exception):
    """No pooled connection became free in time: the request was shed (map it to a fast 503)."""


async def get_or_shed(client: httpx.AsyncClient, path: str) -> httpx.Response:
    try:
        return await client.get(path)
    except httpx.PoolTimeout as exc:
        raise PoolExhausted(f"no connection free for GET {path}") from exc


async def status_and_first_line(client: httpx.AsyncClient, path: str) -> tuple[int, str]:
    async with client.stream("GET", path) as response:
        async for line in response.aiter_lines():
            return response.status_code, line
        return response.status_code, ""
