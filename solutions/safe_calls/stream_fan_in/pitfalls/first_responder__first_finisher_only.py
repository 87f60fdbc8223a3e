"""Pitfall: one `asyncio.wait(..., return_when=FIRST_COMPLETED)` and give up if that task failed (note 08 §1).

Rejected by: test_a_fast_failure_does_not_end_the_race
Why it is wrong: the provider that fails fastest (a 503, a refused connection) "wins" the race and the
whole request fails, although another provider was about to stream a good answer: racing then makes
availability worse, not better.
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
    try:
        async with asyncio.timeout(first_item_s):
            done, _ = await asyncio.wait(racers, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in racers:
            if not task.done():
                task.cancel()
        await asyncio.gather(*racers, return_exceptions=True)
    first_done = next(iter(done))
    if first_done.exception() is not None:
        raise AllProvidersFailed({racers[first_done]: first_done.exception()})
    for task in racers:
        if task is not first_done and not task.cancelled() and task.exception() is None:
            await task.result()[0].aclose()
    name = racers[first_done]
    response, lines, first = first_done.result()
    try:
        yield name, first
        async for line in lines:
            if line.startswith("data:"):
                yield name, line
    finally:
        await response.aclose()
