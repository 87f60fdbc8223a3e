"""Reference solution: all_or_nothing."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


async def _labelled(fetch: Callable[[int], Awaitable[T]], i: int) -> T:
    try:
        return await fetch(i)
    except Exception as exc:
        exc.add_note(f"id={i}")
        raise


async def fetch_all_or_nothing(ids: Sequence[int], fetch: Callable[[int], Awaitable[T]]) -> dict[int, T]:
    async with asyncio.TaskGroup() as tg:
        tasks = {i: tg.create_task(_labelled(fetch, i)) for i in ids}
    return {i: task.result() for i, task in tasks.items()}
