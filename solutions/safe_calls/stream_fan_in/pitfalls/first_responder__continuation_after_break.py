"""Pitfall: read the first line inside `async with client.stream(...)`, break, and return a continuation
that calls `aiter_lines()` again (note 08 §1).

Rejected by: test_fastest_provider_wins_and_is_relayed_whole
Why it is wrong: a response body can be iterated once: the second `aiter_lines()` raises
httpx.StreamConsumed (and the `async with` has closed the response anyway), so the winner's answer is
lost after its first line.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping

import httpx

from solutions.safe_calls.stream_fan_in.first_responder import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.first_responder import AllProvidersFailed, _NoData


async def _opened(client: httpx.AsyncClient, name: str, request: httpx.Request):
    async with client.stream(request.method, request.url) as response:
        response.raise_for_status()
        async for line in response.aiter_lines():
            if line.startswith("data:"):
                first = line
                break
        else:
            raise _NoData(name)

        async def rest() -> AsyncIterator[str]:
            async for more in response.aiter_lines():
                yield more

        return first, rest()


async def race_streams(
    client: httpx.AsyncClient, requests: Mapping[str, httpx.Request], *, first_item_s: float
) -> AsyncIterator[tuple[str, str]]:
    tasks = {asyncio.create_task(_opened(client, n, r)): n for n, r in requests.items()}
    errors: dict[str, BaseException] = {}
    async with asyncio.timeout(first_item_s):
        pending = set(tasks)
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            winners = [t for t in done if t.exception() is None]
            errors |= {tasks[t]: t.exception() for t in done if t.exception() is not None}
            if winners:
                break
        else:
            raise AllProvidersFailed(errors)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    name = tasks[winners[0]]
    first, rest = winners[0].result()
    yield name, first
    async for line in rest:
        if line.startswith("data:"):
            yield name, line
