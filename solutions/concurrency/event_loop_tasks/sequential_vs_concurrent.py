"""Reference solution: sequential_vs_concurrent."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


async def fetch_sequential(ids: Sequence[int], fetch: Callable[[int], Awaitable[T]]) -> list[T]:
    return [await fetch(i) for i in ids]


async def _call(fetch: Callable[[int], Awaitable[T]], i: int) -> T:
    return await fetch(i)


async def fetch_concurrent(ids: Sequence[int], fetch: Callable[[int], Awaitable[T]]) -> list[T]:
    async with asyncio.TaskGroup() as tg:
        tasks: list[asyncio.Task[Any]] = [tg.create_task(_call(fetch, i)) for i in ids]
    return [task.result() for task in tasks]
