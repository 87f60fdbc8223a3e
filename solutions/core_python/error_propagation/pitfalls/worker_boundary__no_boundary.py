"""Pitfall: no boundary in the worker loop at all: the first failing item kills the worker.

Rejected by: test_worker_skips_failures_and_marks_every_item_done
Why it is wrong: one malformed message stops all processing; the task dies with an exception that
nobody awaits, and the queue silently fills up behind it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from solutions.core_python.error_propagation.worker_boundary import *  # the rest is the reference


async def run_worker(
    queue: asyncio.Queue[str], handle: Callable[[str], Awaitable[None]], logger: logging.Logger
) -> None:
    while True:
        item = await queue.get()
        try:
            await handle(item)
        finally:
            queue.task_done()
