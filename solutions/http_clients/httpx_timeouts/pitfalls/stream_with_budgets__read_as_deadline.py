"""Pitfall: using the read budget as the deadline (`read=deadline`), with no asyncio.timeout.

Rejected by: test_outcome_and_lines
Why it is wrong: the read budget restarts with every chunk, so a server sending a line every 10 s keeps
the exchange alive for as long as it likes; "deadline 25 s" lasted 60 s.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_timeouts.stream_with_budgets import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.stream_with_budgets import Collected


async def collect_lines(client: httpx.AsyncClient, url: str, *, idle: float, deadline: float) -> Collected:
    budgets = httpx.Timeout(**{**client.timeout.as_dict(), "read": min(idle, deadline)})
    lines: list[str] = []
    try:
        async with client.stream("GET", url, timeout=budgets) as response:
            async for line in response.aiter_lines():
                lines.append(line)
    except httpx.ReadTimeout:
        return Collected(lines, "idle")
    return Collected(lines, "complete")
