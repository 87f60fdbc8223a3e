"""Pitfall: `client.send(..., stream=True)` with no `finally: await response.aclose()`.

Rejected by: test_deadline_closes_the_stream
Why it is wrong: when the deadline cancels the read, nobody closes the response, so its connection stays
checked out of the pool (and the upstream keeps sending into it).
"""

from __future__ import annotations

import asyncio

import httpx

from solutions.http_clients.httpx_timeouts.stream_with_budgets import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.stream_with_budgets import Collected


async def collect_lines(client: httpx.AsyncClient, url: str, *, idle: float, deadline: float) -> Collected:
    budgets = httpx.Timeout(**{**client.timeout.as_dict(), "read": idle})
    lines: list[str] = []
    try:
        async with asyncio.timeout(deadline):
            response = await client.send(client.build_request("GET", url, timeout=budgets), stream=True)
            async for line in response.aiter_lines():
                lines.append(line)
    except httpx.ReadTimeout:
        return Collected(lines, "idle")
    except TimeoutError:
        return Collected(lines, "deadline")
    return Collected(lines, "complete")
