"""Pitfall: queue.task_done() only after a successful item.

Rejected by: test_worker_skips_failures_and_marks_every_item_done
Why it is wrong: every failed item leaves the queue's unfinished count one too high, so
`await queue.join()` (a graceful shutdown, a batch barrier) waits forever.
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
            queue.task_done()
        except Exception:
            logger.exception("item %s failed", item)
