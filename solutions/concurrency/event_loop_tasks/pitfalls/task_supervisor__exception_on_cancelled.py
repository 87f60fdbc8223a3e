"""Pitfall: calling task.exception() in the done-callback without checking task.cancelled() first.

Rejected by: test_a_cancelled_task_is_not_an_error
Why it is wrong: exception() raises CancelledError for a cancelled task; inside a done-callback that
becomes asyncio's "Exception in callback" ERROR on every normal shutdown, and the cleanup after it in
the callback never runs.
"""

from __future__ import annotations

import asyncio
from typing import Any

from solutions.concurrency.event_loop_tasks.task_supervisor import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.task_supervisor import TaskSupervisor as _Reference


class TaskSupervisor(_Reference):
    def _finished(self, task: asyncio.Task[Any]) -> None:
        exc = task.exception()
        self._tasks.discard(task)
        if exc is not None:
            self._logger.error("background task %s failed", task.get_name(), exc_info=exc)
