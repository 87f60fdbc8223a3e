"""Exercise 2 of event_loop_tasks: all results or none, and no orphan left running after a failure.

Brief: katas/concurrency/event_loop_tasks/README.md. Run: `kata run all_or_nothing`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


async def fetch_all_or_nothing(ids: Sequence[int], fetch: Callable[[int], Awaitable[T]]) -> dict[int, T]:
    """Fetch every id concurrently and return {id: result}. If any fetch fails, cancel the others at
    once and raise the ExceptionGroup holding the failure(s); each original exception carries a note
    "id=<n>" (exc.add_note) naming the id it came from. Never return partial results."""
    raise NotImplementedError
