"""Reference solution: which_timeout."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx


@dataclass
class CallBudgetExceeded(Exception):
    budget: float


@dataclass
class TransportTimeout(Exception):
    phase: str


_PHASES: dict[type[httpx.TimeoutException], str] = {
    httpx.ConnectTimeout: "connect",
    httpx.ReadTimeout: "read",
    httpx.WriteTimeout: "write",
    httpx.PoolTimeout: "pool",
}


async def get_within(client: httpx.AsyncClient, url: str, *, call_budget: float) -> httpx.Response:
    try:
        async with asyncio.timeout(call_budget):
            return await client.get(url)
    except httpx.TimeoutException as exc:  # NOT a TimeoutError subclass: httpx has its own family
        raise TransportTimeout(_PHASES[type(exc)]) from exc
    except TimeoutError as exc:  # raised by asyncio.timeout when the budget expired
        raise CallBudgetExceeded(call_budget) from exc
