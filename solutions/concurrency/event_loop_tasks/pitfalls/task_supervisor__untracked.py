"""Pitfall: asyncio.create_task and forget it, keeping no reference.

Rejected by: test_spawn_tracks_the_task_until_it_finishes
Why it is wrong: the loop keeps only weak references to tasks (asyncio.create_task docs), so a task
nobody references can be garbage-collected mid-run; and nothing can cancel it at shutdown.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from solutions.concurrency.event_loop_tasks.task_supervisor import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.task_supervisor import TaskSupervisor as _Reference


class TaskSupervisor(_Reference):
    def spawn(self, coro: Coroutine[Any, Any, Any], *, name: str) -> asyncio.Task[Any]:
        task = asyncio.create_task(coro, name=name)
        task.add_done_callback(self._finished)
        return task
