"""Pitfall: creating a task and awaiting it on the same line, one id at a time.

Rejected by: test_concurrent_takes_the_longest_delay, test_every_concurrent_fetch_starts_at_once
Why it is wrong: a task only overlaps with others while it is pending; awaiting it at once makes the
loop sequential again (25 s instead of 5 s), with the ceremony of tasks and none of the benefit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from solutions.concurrency.event_loop_tasks.sequential_vs_concurrent import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.sequential_vs_concurrent import T, _call


async def fetch_concurrent(ids: Sequence[int], fetch: Callable[[int], Awaitable[T]]) -> list[T]:
    results: list[Any] = []
    for i in ids:
        results.append(await asyncio.create_task(_call(fetch, i)))
    return results
