"""Pitfall: tracking tasks in a set but never removing the finished ones.

Rejected by: test_spawn_tracks_the_task_until_it_finishes
Why it is wrong: every request that spawns a task grows the set forever (a memory leak), and
len(supervisor) stops meaning "work in flight".
"""

from __future__ import annotations

import asyncio
from typing import Any

from solutions.concurrency.event_loop_tasks.task_supervisor import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.task_supervisor import TaskSupervisor as _Reference


class TaskSupervisor(_Reference):
    def _finished(self, task: asyncio.Task[Any]) -> None:
        if not task.cancelled() and task.exception() is not None:
            self._logger.error("background task %s failed", task.get_name(), exc_info=task.exception())
