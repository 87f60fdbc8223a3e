"""Pitfall: applying the idle budget by assigning client.timeout.

Rejected by: test_client_is_left_as_it_was
Why it is wrong: the client is shared; every other request made through it (from any task) now runs with
this stream's budgets, and concurrent calls overwrite each other's.
"""

from __future__ import annotations

import asyncio

import httpx

from solutions.http_clients.httpx_timeouts.stream_with_budgets import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.stream_with_budgets import Collected


async def collect_lines(client: httpx.AsyncClient, url: str, *, idle: float, deadline: float) -> Collected:
    client.timeout = httpx.Timeout(**{**client.timeout.as_dict(), "read": idle})
    lines: list[str] = []
    try:
        async with asyncio.timeout(deadline):
            async with client.stream("GET", url) as response:
                async for line in response.aiter_lines():
                    lines.append(line)
    except httpx.ReadTimeout:
        return Collected(lines, "idle")
    except TimeoutError:
        return Collected(lines, "deadline")
    return Collected(lines, "complete")
