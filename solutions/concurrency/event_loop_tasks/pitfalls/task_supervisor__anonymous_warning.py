"""Pitfall: the shutdown warning says that something ignored cancellation, but not which task.

Rejected by: test_aclose_gives_up_on_a_stubborn_task
Why it is wrong: the shutdown log is where you find out what was abandoned mid-work; a warning
without the task's name sends you reading every background job.
"""

from __future__ import annotations

import asyncio

from solutions.concurrency.event_loop_tasks.task_supervisor import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.task_supervisor import TaskSupervisor as _Reference


class TaskSupervisor(_Reference):
    async def aclose(self, timeout: float = 5.0) -> None:
        self._closed = True
        pending = set(self._tasks)
        for task in pending:
            task.cancel()
        if not pending:
            return
        _, still_running = await asyncio.wait(pending, timeout=timeout)
        if still_running:
            self._logger.warning("%d background tasks ignored cancellation", len(still_running))
