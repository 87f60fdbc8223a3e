"""Pitfall: reporting a refused connection as a "connect" timeout.

Rejected by: test_each_exception_names_its_phase, test_a_refused_connection_is_an_error_not_a_timeout
Why it is wrong: ConnectError is a NetworkError: the host answered "no" at once. Raising the connect
budget cannot help, and the dashboards then hide a down service behind a "slow network" label.
"""

from __future__ import annotations

import asyncio

import httpx

from solutions.http_clients.httpx_timeouts.which_phase import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.which_phase import Phase
from solutions.http_clients.httpx_timeouts.which_phase import timeout_phase as _reference


def timeout_phase(exc: BaseException) -> Phase:
    if isinstance(exc, httpx.ConnectError):
        return "connect"
    return _reference(exc)


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
    except (httpx.TimeoutException, httpx.ConnectError, TimeoutError) as exc:
        return timeout_phase(exc)
    return response.status_code
