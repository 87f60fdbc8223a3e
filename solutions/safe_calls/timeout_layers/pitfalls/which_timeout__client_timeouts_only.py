"""Pitfall: no total budget; relying on the client's read timeout to bound the call.

Rejected by: test_only_a_total_budget_stops_a_trickle
Why it is wrong: httpx's read timeout bounds the wait for the NEXT chunk and restarts whenever bytes
arrive; a response that trickles in every 20 s runs for 100 s under read=30. Only asyncio.timeout around
the whole attempt bounds its total duration.
"""

from __future__ import annotations

import httpx

from solutions.safe_calls.timeout_layers.which_timeout import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.which_timeout import _PHASES, TransportTimeout


async def get_within(client: httpx.AsyncClient, url: str, *, call_budget: float) -> httpx.Response:
    try:
        return await client.get(url)
    except httpx.TimeoutException as exc:
        raise TransportTimeout(_PHASES[type(exc)]) from exc
