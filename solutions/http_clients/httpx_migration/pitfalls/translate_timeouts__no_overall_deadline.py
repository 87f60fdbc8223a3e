"""Pitfall: computing the overall deadline but never enforcing it (trusting the phases to add up).

Rejected by: test_total_bounds_the_whole_exchange
Why it is wrong: "max total = connect + write + read + pool" is false: the read budget restarts per
chunk, so a trickling server is never bounded. Only asyncio.timeout around the call bounds the exchange.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_migration.translate_timeouts import *  # the rest is the reference
from solutions.http_clients.httpx_migration.translate_timeouts import HttpxTimeoutPlan


async def fetch_text(client: httpx.AsyncClient, url: str, plan: HttpxTimeoutPlan) -> str:
    response = await client.get(url, timeout=plan.phases)
    return response.text
