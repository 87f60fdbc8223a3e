"""Pitfall: aclose() waits for the tasks (up to the timeout) instead of cancelling them.

Rejected by: test_aclose_cancels_what_is_left
Why it is wrong: shutdown then takes the full timeout whenever a long task is running, and the orchestrator
kills the process anyway; cancel first, then wait for the cancellations to land.
"""

from __future__ import annotations

import asyncio

from solutions.concurrency.event_loop_tasks.task_supervisor import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.task_supervisor import TaskSupervisor as _Reference


class TaskSupervisor(_Reference):
    async def aclose(self, timeout: float = 5.0) -> None:
        self._closed = True
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)
