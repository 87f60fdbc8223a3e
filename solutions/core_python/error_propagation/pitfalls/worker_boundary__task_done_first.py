"""Pitfall: the item is marked done as soon as it is taken, before its handler ran.

Rejected by: test_worker_skips_failures_and_marks_every_item_done
Why it is wrong: `await queue.join()` returns while the last items are still being handled, so a
graceful shutdown that joins the queue and then exits drops in-flight work.
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
        queue.task_done()
        try:
            await handle(item)
        except Exception:
            logger.exception("item %s failed", item)
