"""Pitfall: catching CancelledError and reporting it as a budget expiry.

Rejected by: test_an_outside_cancellation_stays_a_cancellation
Why it is wrong: cancellation also comes from outside (a client disconnect, a shutdown, a TaskGroup
sibling failing). Converting it into a normal exception breaks the caller's cancellation and misreports
the cause; let CancelledError propagate and translate only the budget's own TimeoutError.
"""

from __future__ import annotations

import asyncio

import httpx

from solutions.safe_calls.timeout_layers.which_timeout import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.which_timeout import _PHASES, CallBudgetExceeded, TransportTimeout


async def get_within(client: httpx.AsyncClient, url: str, *, call_budget: float) -> httpx.Response:
    try:
        return await asyncio.wait_for(client.get(url), call_budget)
    except (TimeoutError, asyncio.CancelledError) as exc:
        raise CallBudgetExceeded(call_budget) from exc
    except httpx.TimeoutException as exc:
        raise TransportTimeout(_PHASES[type(exc)]) from exc
