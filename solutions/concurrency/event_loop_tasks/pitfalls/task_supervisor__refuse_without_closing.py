"""Pitfall: spawn() after aclose() raises, but leaves the coroutine it was given un-awaited.

Rejected by: test_spawn_after_close_is_refused
Why it is wrong: the coroutine object is never run nor closed; Python warns "coroutine ... was never
awaited" at garbage collection, far from the spawn that dropped it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from solutions.concurrency.event_loop_tasks.task_supervisor import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.task_supervisor import TaskSupervisor as _Reference


class TaskSupervisor(_Reference):
    def spawn(self, coro: Coroutine[Any, Any, Any], *, name: str) -> asyncio.Task[Any]:
        if self._closed:
            raise RuntimeError(f"supervisor is closed; refusing to start {name!r}")
        return super().spawn(coro, name=name)
