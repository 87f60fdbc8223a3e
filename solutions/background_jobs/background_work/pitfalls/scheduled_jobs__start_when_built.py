"""Pitfall: starting the scheduler inside build_scheduler (or at import time).

Rejected by: test_building_needs_no_loop_and_does_not_start
Why it is wrong: AsyncIOScheduler.start() needs a running event loop (RuntimeError otherwise, verified on
3.11.3); at import or build time there is none, and even when there is one it may not be the app's.
Start it in the lifespan.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, tzinfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from solutions.background_jobs.background_work.scheduled_jobs import *  # the rest is the reference
from solutions.background_jobs.background_work.scheduled_jobs import register_jobs


def build_scheduler(
    *,
    cleanup: Callable[[], Awaitable[int]],
    refresh_cache: Callable[[], Awaitable[None]],
    tz: tzinfo = UTC,
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=tz)
    register_jobs(scheduler, cleanup=cleanup, refresh_cache=refresh_cache)
    scheduler.start()
    return scheduler
