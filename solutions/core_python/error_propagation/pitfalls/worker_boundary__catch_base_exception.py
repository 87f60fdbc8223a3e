"""Pitfall: a bare `except:` (or `except BaseException:`) at the boundary.

Rejected by: test_interruptions_propagate, test_worker_stops_promptly_when_cancelled
Why it is wrong: KeyboardInterrupt, SystemExit and asyncio.CancelledError are swallowed too; Ctrl-C
does nothing and a shutdown that cancels the worker hangs until it is killed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable

from solutions.core_python.error_propagation.worker_boundary import *  # the rest is the reference
from solutions.core_python.error_propagation.worker_boundary import BatchReport


def process_batch(items: Iterable[str], handle: Callable[[str], None], logger: logging.Logger) -> BatchReport:
    report = BatchReport()
    for item in items:
        try:
            handle(item)
        except:  # noqa: E722
            logger.exception("item %s failed", item)
            report.failed.append(item)
        else:
            report.succeeded.append(item)
    return report


async def run_worker(
    queue: asyncio.Queue[str], handle: Callable[[str], Awaitable[None]], logger: logging.Logger
) -> None:
    while True:
        item = await queue.get()
        try:
            await handle(item)
        except BaseException:
            logger.exception("item %s failed", item)
        finally:
            queue.task_done()
