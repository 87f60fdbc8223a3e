"""Pitfall: the total budget is a fixed 60 s; call_budget only ends up in the exception.

Rejected by: test_only_a_total_budget_stops_a_trickle
Why it is wrong: every caller gets the same total budget whatever it asked for, so a 50 s plan really runs
for 60 s and the SLA above it is blown.
"""

from __future__ import annotations

import asyncio

import httpx

from solutions.safe_calls.timeout_layers.which_timeout import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.which_timeout import _PHASES, CallBudgetExceeded, TransportTimeout


async def get_within(client: httpx.AsyncClient, url: str, *, call_budget: float) -> httpx.Response:
    try:
        async with asyncio.timeout(60):
            return await client.get(url)
    except httpx.TimeoutException as exc:
        raise TransportTimeout(_PHASES[type(exc)]) from exc
    except TimeoutError as exc:
        raise CallBudgetExceeded(call_budget) from exc
