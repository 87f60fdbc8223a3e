"""Pitfall: cancelling, then awaiting gather() of every task with no time limit.

Rejected by: test_aclose_gives_up_on_a_stubborn_task
Why it is wrong: one task that swallows CancelledError (a bare `except:` in a retry loop) hangs the
whole shutdown; bound the wait and report what was left behind.
"""

from __future__ import annotations

import asyncio

from solutions.concurrency.event_loop_tasks.task_supervisor import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.task_supervisor import TaskSupervisor as _Reference


class TaskSupervisor(_Reference):
    async def aclose(self, timeout: float = 5.0) -> None:
        self._closed = True
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
