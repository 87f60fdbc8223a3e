"""Pitfall: wrapping the failure in a new exception that carries the id, instead of noting the original.

Rejected by: test_the_failure_names_its_id
Why it is wrong: the caller's `except* ValueError` no longer matches, and the original exception (type,
traceback) is demoted to a cause. add_note (3.11) annotates without changing the type.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

from solutions.concurrency.event_loop_tasks.all_or_nothing import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.all_or_nothing import T


async def _labelled(fetch: Callable[[int], Awaitable[T]], i: int) -> T:
    try:
        return await fetch(i)
    except Exception as exc:
        raise RuntimeError(f"id={i} failed") from exc


async def fetch_all_or_nothing(ids: Sequence[int], fetch: Callable[[int], Awaitable[T]]) -> dict[int, T]:
    async with asyncio.TaskGroup() as tg:
        tasks = {i: tg.create_task(_labelled(fetch, i)) for i in ids}
    return {i: task.result() for i, task in tasks.items()}
