"""Reference solution: which_phase."""

from __future__ import annotations

import asyncio
from typing import Literal

import httpx

Phase = Literal["pool", "connect", "write", "read", "deadline", "none"]

# httpx's timeouts are not builtin TimeoutErrors, and asyncio.timeout's TimeoutError is not an httpx one.
_PHASES: tuple[tuple[type[BaseException], Phase], ...] = (
    (httpx.PoolTimeout, "pool"),
    (httpx.ConnectTimeout, "connect"),
    (httpx.WriteTimeout, "write"),
    (httpx.ReadTimeout, "read"),
    (TimeoutError, "deadline"),
)


def timeout_phase(exc: BaseException) -> Phase:
    return next((phase for cls, phase in _PHASES if isinstance(exc, cls)), "none")


async def attempt(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    content: bytes | None = None,
    deadline: float | None = None,
) -> int | Phase:
    try:
        async with asyncio.timeout(deadline):
            response = await client.request(method, url, content=content)
    except (httpx.TimeoutException, TimeoutError) as exc:
        return timeout_phase(exc)
    return response.status_code
