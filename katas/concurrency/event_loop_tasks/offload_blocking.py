"""Exercise 4 of event_loop_tasks: move a blocking call off the event loop, context and all.

Brief: katas/concurrency/event_loop_tasks/README.md. Run: `kata run offload_blocking`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

request_id: ContextVar[str] = ContextVar("request_id", default="-")  # set per request by middleware


async def offload(fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    """Run the blocking `fn(*args, **kwargs)` in a worker thread and return its result (or raise its
    exception), without stalling the event loop. The caller's contextvars (request_id) must be visible
    inside `fn`."""
    raise NotImplementedError
