"""Pitfall: cancelling the losing racers without closing their responses.

Rejected by: test_losers_are_closed_before_the_winner_speaks
Why it is wrong: a cancelled task that was reading a response leaves that response open (httpx closes a
streamed response only when it is read to the end or closed explicitly): provider B keeps streaming, and
billing, a whole answer after A won, and its pooled connection stays checked out.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping

import httpx

from solutions.safe_calls.stream_fan_in.first_responder import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.first_responder import AllProvidersFailed, _NoData


async def _first_line_unclosed(client: httpx.AsyncClient, request: httpx.Request):
    response = await client.send(request, stream=True)
    response.raise_for_status()
    lines = response.aiter_lines()
    async for line in lines:
        if line.startswith("data:"):
            return response, lines, line
    raise _NoData(request.url.host)


async def race_streams(
    client: httpx.AsyncClient, requests: Mapping[str, httpx.Request], *, first_item_s: float
) -> AsyncIterator[tuple[str, str]]:
    racers = {asyncio.create_task(_first_line_unclosed(client, r)): n for n, r in requests.items()}
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
