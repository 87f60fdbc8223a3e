"""Pitfall: appending each result when its task finishes.

Rejected by: test_results_come_back_in_id_order_not_finish_order
Why it is wrong: the fastest fetch lands first, so results[0] may belong to any id; callers that zip
ids with results silently attach data to the wrong record.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from solutions.concurrency.event_loop_tasks.sequential_vs_concurrent import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.sequential_vs_concurrent import T


async def fetch_concurrent(ids: Sequence[int], fetch: Callable[[int], Awaitable[T]]) -> list[T]:
    results: list[Any] = []

    async def one(i: int) -> None:
        results.append(await fetch(i))

    async with asyncio.TaskGroup() as tg:
        for i in ids:
            tg.create_task(one(i))
    return results
