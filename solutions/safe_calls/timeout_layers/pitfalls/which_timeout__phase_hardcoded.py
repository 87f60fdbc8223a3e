"""Pitfall: reporting every httpx timeout as a read timeout.

Rejected by: test_waiting_for_the_pool_is_a_pool_timeout, test_each_phase_is_named_by_its_exception_class
Why it is wrong: the phase is the diagnosis. A pool timeout means our own pool is exhausted (raise the
limit or shed load), a connect timeout means the host is unreachable, a read timeout means the vendor is
slow; lumping them together sends the on-call engineer to the wrong place.
"""

from __future__ import annotations

import asyncio

import httpx

from solutions.safe_calls.timeout_layers.which_timeout import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.which_timeout import CallBudgetExceeded, TransportTimeout


async def get_within(client: httpx.AsyncClient, url: str, *, call_budget: float) -> httpx.Response:
    try:
        async with asyncio.timeout(call_budget):
            return await client.get(url)
    except httpx.TimeoutException as exc:
        raise TransportTimeout("read") from exc
    except TimeoutError as exc:
        raise CallBudgetExceeded(call_budget) from exc
