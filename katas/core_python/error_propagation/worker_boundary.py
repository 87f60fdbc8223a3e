"""Exercise 4 of error_propagation: a worker boundary that logs a failed item and carries on.

Brief: katas/core_python/error_propagation/README.md. Run: `kata run worker_boundary`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field


@dataclass
class BatchReport:
    """Ids that succeeded and ids that failed, each in input order."""

    succeeded: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def process_batch(items: Iterable[str], handle: Callable[[str], None], logger: logging.Logger) -> BatchReport:
    """Call `handle(item)` for every item, and report which succeeded and which failed.

    This is a boundary: one bad item must not stop the batch. For an item whose handler raises an
    `Exception`, log one ERROR record with the traceback on `logger`, using the same %-style template
    for every item and the item as its argument, then go on with the next item. Interruptions
    (KeyboardInterrupt, SystemExit, cancellation: BaseException but not Exception) are not caught.
    Never print.
    """
    raise NotImplementedError


async def run_worker(
    queue: asyncio.Queue[str], handle: Callable[[str], Awaitable[None]], logger: logging.Logger
) -> None:
    """Consume `queue` forever: `await handle(item)` for each item.

    - an item whose handler raises an `Exception` is logged like in `process_batch` and skipped;
    - every item taken from the queue is marked done (`queue.task_done()`), failed ones included, so
      `await queue.join()` finishes;
    - cancellation is never caught: cancelling the worker task ends it promptly, even mid-item.
    """
    raise NotImplementedError
