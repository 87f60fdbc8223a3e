"""Pitfall: one asyncio.timeout(first_item_s) around the whole generator, relay included.

Rejected by: test_first_item_s_does_not_limit_the_winners_answer
Why it is wrong: first_item_s bounds the wait for someone to start; wrapped around the relay it cuts
every healthy answer that streams for longer than that (and a timeout scope across `yield` also fires
while the consumer, not the upstream, is slow).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import aclosing

import httpx

from solutions.safe_calls.stream_fan_in.first_responder import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.first_responder import race_streams as _ref


async def race_streams(
    client: httpx.AsyncClient, requests: Mapping[str, httpx.Request], *, first_item_s: float
) -> AsyncIterator[tuple[str, str]]:
    async with (
        asyncio.timeout(first_item_s),
        aclosing(_ref(client, requests, first_item_s=first_item_s)) as race,
    ):
        async for pair in race:
            yield pair
