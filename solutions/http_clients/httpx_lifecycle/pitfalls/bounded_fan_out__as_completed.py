"""Pitfall: collecting results with asyncio.as_completed.

Rejected by: test_results_follow_input_order
Why it is wrong: as_completed yields in completion order, so result i no longer belongs to path i;
callers that zip paths with results get the wrong answers silently.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import httpx

from solutions.http_clients.httpx_lifecycle.bounded_fan_out import *  # the rest is the reference


async def fan_out(client: httpx.AsyncClient, paths: Sequence[str]) -> list[int]:
    return [
        (await next_done).status_code for next_done in asyncio.as_completed([client.get(p) for p in paths])
    ]
