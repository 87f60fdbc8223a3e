"""Pitfall: the set of tracked tasks is a class attribute, shared by every supervisor.

Rejected by: test_supervisors_are_independent
Why it is wrong: one component's aclose() cancels another component's background work (and counts
it), so shutting down a sub-system kills tasks it never owned.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, ClassVar

from solutions.concurrency.event_loop_tasks.task_supervisor import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.task_supervisor import TaskSupervisor as _Reference


class TaskSupervisor(_Reference):
    _shared: ClassVar[set[asyncio.Task[Any]]] = set()

    def __init__(self, logger: logging.Logger) -> None:
        super().__init__(logger)
        self._tasks = TaskSupervisor._shared
