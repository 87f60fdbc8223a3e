"""Pitfall: `except TimeoutError`, expecting it to catch httpx's timeouts too.

Rejected by: test_read_budget_covers_the_first_byte, test_pool_budget
Why it is wrong: httpx.TimeoutException derives from httpx.TransportError, not from the builtin
TimeoutError; the phase timeouts escape as exceptions the caller did not plan for.
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
            response = await client.request(method, url, content=content)
    except TimeoutError as exc:
        return timeout_phase(exc)
    return response.status_code
