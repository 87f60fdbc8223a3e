"""Pitfall: cleaning up the racers only after a winner was found, not when the race times out.

Rejected by: test_nobody_streaming_in_time_is_a_timeout
Why it is wrong: on a timeout every racer task keeps running with its stream open: the caller already
gave up, but the pod keeps paying for (and holding connections to) every provider.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping

import httpx

from solutions.safe_calls.stream_fan_in.first_responder import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.first_responder import AllProvidersFailed, _first_line


async def race_streams(
    client: httpx.AsyncClient, requests: Mapping[str, httpx.Request], *, first_item_s: float
) -> AsyncIterator[tuple[str, str]]:
    racers = {asyncio.create_task(_first_line(client, r)): n for n, r in requests.items()}
    errors: dict[str, BaseException] = {}
    winner = None
    async with asyncio.timeout(first_item_s):
        pending = set(racers)
        while pending and winner is None:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if task.exception() is not None:
                    errors[racers[task]] = task.exception()
                elif winner is None:
                    winner = (racers[task], task.result())
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    if winner is None:
        raise AllProvidersFailed(errors)
    name, (response, lines, first) = winner
    try:
        yield name, first
        async for line in lines:
            if line.startswith("data:"):
                yield name, line
    finally:
        await response.aclose()
