"""Pitfall: catching only TimeoutError, assuming httpx's timeouts are TimeoutErrors too.

Rejected by: test_a_stalled_read_is_a_read_timeout, test_waiting_for_the_pool_is_a_pool_timeout
Why it is wrong: httpx.TimeoutException (ReadTimeout, PoolTimeout, ...) does not derive from the builtin
TimeoutError, so a raw httpx exception escapes every handler written for "timeouts"; handle both families.
"""

from __future__ import annotations

import asyncio

import httpx

from solutions.safe_calls.timeout_layers.which_timeout import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.which_timeout import CallBudgetExceeded


async def get_within(client: httpx.AsyncClient, url: str, *, call_budget: float) -> httpx.Response:
    try:
        async with asyncio.timeout(call_budget):
            return await client.get(url)
    except TimeoutError as exc:
        raise CallBudgetExceeded(call_budget) from exc
