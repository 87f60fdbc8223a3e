"""Reference solution: first_responder."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass

import httpx


@dataclass(eq=False)
class AllProvidersFailed(Exception):
    """Every provider failed before producing a first data line; `errors` maps provider -> its error."""

    errors: dict[str, BaseException]


class _NoData(Exception):
    """The provider's stream ended before its first data line."""


Started = tuple[httpx.Response, AsyncIterator[str], str]


async def _first_line(client: httpx.AsyncClient, request: httpx.Request) -> Started:
    """Open one provider's stream and read up to its first data line, keeping the one line iterator."""
    response = await client.send(request, stream=True)
    try:
        response.raise_for_status()
        lines = response.aiter_lines()
        async for line in lines:
            if line.startswith("data:"):
                return response, lines, line
        raise _NoData(f"{request.url.host} ended without a data line")
    except BaseException:  # failed, or cancelled because someone else won: close it either way
        await response.aclose()
        raise


async def race_streams(
    client: httpx.AsyncClient, requests: Mapping[str, httpx.Request], *, first_item_s: float
) -> AsyncIterator[tuple[str, str]]:
    racers = {asyncio.create_task(_first_line(client, req)): name for name, req in requests.items()}
    errors: dict[str, BaseException] = {}
    winner: tuple[str, Started] | None = None
    try:
        async with asyncio.timeout(first_item_s):
            pending = set(racers)
            while pending and winner is None:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    if (error := task.exception()) is not None:
                        errors[racers[task]] = error
                    elif winner is None:
                        winner = (racers[task], task.result())
    finally:
        for task in racers:
            task.cancel()
        await asyncio.gather(*racers, return_exceptions=True)
        for task in racers:  # a racer that also succeeded (same tick as the winner, or before a timeout)
            if task.cancelled() or task.exception() is not None:
                continue
            if winner is None or task.result() is not winner[1]:
                await task.result()[0].aclose()
    if winner is None:
        raise AllProvidersFailed(errors)
    name, (response, lines, first) = winner
    try:
        yield name, first
        async for line in lines:  # the same iterator: nothing lost, nothing read twice
            if line.startswith("data:"):
                yield name, line
    finally:
        await response.aclose()
