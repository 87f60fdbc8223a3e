"""Pitfall: the deadline wraps only the line loop, started after `client.stream(...)` has returned headers.

Rejected by: test_outcome_and_lines
Why it is wrong: the wait for the response headers (the server thinking) is part of the exchange, yet no
deadline covers it; a server that takes 30 s to answer blows a 10 s deadline by 20 s.
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
        async with client.stream("GET", url, timeout=budgets) as response:
            async with asyncio.timeout(deadline):
                async for line in response.aiter_lines():
                    lines.append(line)
    except httpx.ReadTimeout:
        return Collected(lines, "idle")
    except TimeoutError:
        return Collected(lines, "deadline")
    return Collected(lines, "complete")
