"""Pitfall: catching the failure and returning whatever succeeded.

Rejected by: test_a_failure_cancels_the_siblings, test_the_failure_names_its_id
Why it is wrong: "all or nothing" becomes "some, silently"; the caller cannot tell a complete answer
from a partial one, and the error is never reported.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

from solutions.concurrency.event_loop_tasks.all_or_nothing import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.all_or_nothing import T, _labelled


async def fetch_all_or_nothing(ids: Sequence[int], fetch: Callable[[int], Awaitable[T]]) -> dict[int, T]:
    tasks: dict[int, asyncio.Task[T]] = {}
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = {i: tg.create_task(_labelled(fetch, i)) for i in ids}
    except* Exception:
        pass
    return {i: t.result() for i, t in tasks.items() if t.done() and not t.cancelled() and not t.exception()}
