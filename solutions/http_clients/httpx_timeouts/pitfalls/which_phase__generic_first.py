"""Pitfall: testing httpx.TimeoutException before its subclasses (and calling every timeout "read").

Rejected by: test_each_exception_names_its_phase, test_pool_budget, test_connect_budget, test_write_budget
Why it is wrong: the base class matches every phase, so pool exhaustion, a dead host and a stuck upload
are all reported as a slow server; in an isinstance chain the most specific class goes first.
"""

from __future__ import annotations

import asyncio

import httpx

from solutions.http_clients.httpx_timeouts.which_phase import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.which_phase import Phase


def timeout_phase(exc: BaseException) -> Phase:
    if isinstance(exc, httpx.TimeoutException):
        return "read"
    if isinstance(exc, httpx.PoolTimeout):
        return "pool"
    if isinstance(exc, httpx.ConnectTimeout):
        return "connect"
    if isinstance(exc, httpx.WriteTimeout):
        return "write"
    if isinstance(exc, TimeoutError):
        return "deadline"
    return "none"


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
        return timeout_phase(exc)  # this module's (wrong) timeout_phase
    return response.status_code
