"""Pitfall: using the read budget as the overall deadline.

Rejected by: test_deadline_bounds_the_whole_exchange
Why it is wrong: the read budget restarts with every chunk, so a server that trickles bytes keeps the
exchange alive far past the "deadline" (here 60 s instead of 25 s).
"""

from __future__ import annotations

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
    timeout = (
        client.timeout if deadline is None else httpx.Timeout(client.timeout.connect or 5.0, read=deadline)
    )
    try:
        response = await client.request(method, url, content=content, timeout=timeout)
    except (httpx.TimeoutException, TimeoutError) as exc:
        return timeout_phase(exc)
    return response.status_code
