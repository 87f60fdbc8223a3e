"""Exercise 1 of event_loop_tasks: await one after another, or run them all at once.

Brief: katas/concurrency/event_loop_tasks/README.md. Run: `kata run sequential_vs_concurrent`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


async def fetch_sequential(ids: Sequence[int], fetch: Callable[[int], Awaitable[T]]) -> list[T]:
    """Await fetch(id) for each id, one after another; return the results in `ids` order."""
    raise NotImplementedError


async def fetch_concurrent(ids: Sequence[int], fetch: Callable[[int], Awaitable[T]]) -> list[T]:
    """Run fetch(id) for every id concurrently, as tasks of one asyncio.TaskGroup, and return the
    results in `ids` order (not in the order they finished)."""
    raise NotImplementedError
