"""Pitfall: a deadline around `send(..., stream=True)` only, reading the body afterwards.

Rejected by: test_deadline_bounds_the_whole_exchange
Why it is wrong: the headers arrive at once and the deadline is left; the slow part, the body, is then
read with no deadline at all.
"""

from __future__ import annotations

import asyncio

import httpx

from solutions.http_clients.httpx_timeouts.which_phase import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.which_phase import Phase, timeout_phase


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
            response = await client.send(client.build_request(method, url, content=content), stream=True)
        try:
            await response.aread()
        finally:
            await response.aclose()
    except (httpx.TimeoutException, TimeoutError) as exc:
        return timeout_phase(exc)
    return response.status_code
