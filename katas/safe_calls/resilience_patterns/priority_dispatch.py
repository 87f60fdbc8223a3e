"""Exercise 3 of resilience_patterns: a bounded, pod-local priority backlog in front of a vendor call.

Brief: katas/safe_calls/resilience_patterns/README.md. Run: `kata run priority_dispatch`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any


class QueueFull(Exception):
    """The backlog already holds max_queue items: shed this one now instead of letting it wait."""


class DispatcherClosed(Exception):
    """The dispatcher stopped before this item's call finished."""


class PriorityDispatcher:
    """Pod-local priority backlog in front of a vendor call, served by `workers` worker tasks.

    Lower priority numbers run first; equal priorities run in submission order (FIFO).
    """

    def __init__(
        self, call: Callable[[Any], Awaitable[Any]], *, workers: int = 1, max_queue: int = 100
    ) -> None:
        """Remember the settings. No asyncio objects are bound to a loop yet: that happens in __aenter__."""
        raise NotImplementedError

    async def __aenter__(self) -> PriorityDispatcher:
        """Create the queue and start the worker tasks."""
        raise NotImplementedError

    async def __aexit__(self, *exc: object) -> None:
        """Stop the workers (cancel AND await them: no task may outlive the dispatcher), then fail every
        submitter still waiting, queued or in service, with DispatcherClosed."""
        raise NotImplementedError

    def qsize(self) -> int:
        """Items waiting in the backlog, not counting those being served."""
        raise NotImplementedError

    async def submit(self, payload: Any, *, priority: int) -> Any:
        """Queue `payload` and wait for `call(payload)`'s result (or its exception).

        Raise QueueFull at once, without waiting, when `qsize() == max_queue`. If the submitter is cancelled
        (it timed out, its client left) while its item is queued, the item is skipped: `call` never sees it.
        """
        raise NotImplementedError
