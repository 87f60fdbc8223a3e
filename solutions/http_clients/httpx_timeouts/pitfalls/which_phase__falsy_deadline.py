"""Pitfall: `if deadline:` decides whether to apply the deadline, so deadline=0 means "no deadline".

Rejected by: test_a_zero_deadline_has_already_passed
Why it is wrong: a caller whose time budget is used up passes 0 and expects an immediate "deadline";
the truthiness test turns the spent budget into an unlimited one (only None means no deadline).
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
        async with asyncio.timeout(deadline if deadline else None):
            response = await client.request(method, url, content=content)
    except (httpx.TimeoutException, TimeoutError) as exc:
        return timeout_phase(exc)
    return response.status_code
