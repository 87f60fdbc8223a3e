"""Pitfall: letting the timeouts escape instead of returning what arrived.

Rejected by: test_outcome_and_lines
Why it is wrong: the lines received before the budget ran out are lost with the exception, although a
partial feed is often exactly what the caller can still use (and report as partial).
"""

from __future__ import annotations

import asyncio

import httpx

from solutions.http_clients.httpx_timeouts.stream_with_budgets import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.stream_with_budgets import Collected


async def collect_lines(client: httpx.AsyncClient, url: str, *, idle: float, deadline: float) -> Collected:
    budgets = httpx.Timeout(**{**client.timeout.as_dict(), "read": idle})
    lines: list[str] = []
    async with asyncio.timeout(deadline):
        async with client.stream("GET", url, timeout=budgets) as response:
            async for line in response.aiter_lines():
                lines.append(line)
    return Collected(lines, "complete")
