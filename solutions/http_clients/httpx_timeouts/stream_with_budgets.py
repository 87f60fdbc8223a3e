"""Reference solution: stream_with_budgets."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Literal

import httpx


@dataclass(frozen=True)
class Collected:
    lines: list[str]
    outcome: Literal["complete", "idle", "deadline"]


async def collect_lines(client: httpx.AsyncClient, url: str, *, idle: float, deadline: float) -> Collected:
    # The read budget restarts with every chunk (an idle budget); only asyncio.timeout bounds the total.
    budgets = httpx.Timeout(**{**client.timeout.as_dict(), "read": idle})
    lines: list[str] = []
    try:
        async with asyncio.timeout(deadline):
            async with client.stream("GET", url, timeout=budgets) as response:
                async for line in response.aiter_lines():
                    lines.append(line)
    except httpx.ReadTimeout:
        return Collected(lines, "idle")
    except TimeoutError:  # raised on leaving the asyncio.timeout block, so caught outside it
        return Collected(lines, "deadline")
    return Collected(lines, "complete")
