"""Pitfall: assigning the plan to the shared client (client.timeout = ...) instead of passing it per request.

Rejected by: test_the_client_settings_are_left_alone
Why it is wrong: the client is shared by every task; one call's budgets silently become everybody's,
and which budgets a request gets depends on which task ran last.
"""

from __future__ import annotations

import asyncio

import httpx

from solutions.http_clients.httpx_migration.translate_timeouts import *  # the rest is the reference
from solutions.http_clients.httpx_migration.translate_timeouts import HttpxTimeoutPlan


async def fetch_text(client: httpx.AsyncClient, url: str, plan: HttpxTimeoutPlan) -> str:
    client.timeout = plan.phases
    async with asyncio.timeout(plan.overall):
        response = await client.get(url)
    return response.text
