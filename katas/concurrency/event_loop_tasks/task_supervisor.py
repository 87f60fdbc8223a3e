"""Exercise 3 of event_loop_tasks: fire-and-forget tasks that are tracked, logged and cancelled on close.

Brief: katas/concurrency/event_loop_tasks/README.md. Run: `kata run task_supervisor`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any


class TaskSupervisor:
    """Owns background tasks: keeps strong references while they run, logs their failures, and cancels
    the leftovers when the application shuts down."""

    def __init__(self, logger: logging.Logger) -> None:
        """Failures are reported to `logger`."""
        raise NotImplementedError

    def spawn(self, coro: Coroutine[Any, Any, Any], *, name: str) -> asyncio.Task[Any]:
        """Start `coro` as a task named `name` and track it until it finishes. A task that raises is
        logged once at ERROR (with its traceback, and its name among the log record's args); a cancelled
        task is not an error. After aclose(), raise RuntimeError instead (and close `coro`, so it is not
        left un-awaited)."""
        raise NotImplementedError

    def __len__(self) -> int:
        """The number of tracked tasks that have not finished yet."""
        raise NotImplementedError

    async def aclose(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109 (bounds the wait)
        """Refuse new spawns, cancel every unfinished task, and wait at most `timeout` seconds for them
        to end; log a WARNING naming any task still running after that."""
        raise NotImplementedError
