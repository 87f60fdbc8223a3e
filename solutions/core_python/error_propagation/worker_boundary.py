"""Reference solution: worker_boundary."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field


@dataclass
class BatchReport:
    succeeded: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def process_batch(items: Iterable[str], handle: Callable[[str], None], logger: logging.Logger) -> BatchReport:
    report = BatchReport()
    for item in items:
        try:
            handle(item)
        except Exception:
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
        except Exception:
            logger.exception("item %s failed", item)
        finally:
            queue.task_done()
