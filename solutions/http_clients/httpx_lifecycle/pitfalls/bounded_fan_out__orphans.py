"""Pitfall: a plain asyncio.gather, which raises the first error but leaves the other requests running.

Rejected by: test_pool_timeout_propagates_and_cancels_the_rest
Why it is wrong: the caller has already failed, yet the orphaned requests keep their connections (and the
upstream's capacity) until they finish; under load the pool stays full of work nobody will read.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import httpx

from solutions.http_clients.httpx_lifecycle.bounded_fan_out import *  # the rest is the reference


async def fan_out(client: httpx.AsyncClient, paths: Sequence[str]) -> list[int]:
    responses = await asyncio.gather(*(client.get(path) for path in paths))
    return [response.status_code for response in responses]
