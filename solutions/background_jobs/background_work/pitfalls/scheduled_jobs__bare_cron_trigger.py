"""Pitfall: the cleanup uses a bare CronTrigger(hour=3, minute=0), which does not take the scheduler's timezone.

Rejected by: test_cleanup_fires_at_three_in_the_given_timezone
Why it is wrong: a trigger object built without timezone= uses the host's local zone, whatever the
scheduler was configured with; the string alias "cron" (or timezone=...) takes the scheduler's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, tzinfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from solutions.background_jobs.background_work.scheduled_jobs import *  # the rest is the reference
from solutions.background_jobs.background_work.scheduled_jobs import _ONE_AT_A_TIME


def register_jobs(
    scheduler: AsyncIOScheduler,
    *,
    cleanup: Callable[[], Awaitable[int]],
    refresh_cache: Callable[[], Awaitable[None]],
) -> None:
    scheduler.add_job(cleanup, CronTrigger(hour=3, minute=0), id="cleanup", **_ONE_AT_A_TIME)
    scheduler.add_job(refresh_cache, "interval", minutes=5, id="refresh-cache", **_ONE_AT_A_TIME)


def build_scheduler(
    *,
    cleanup: Callable[[], Awaitable[int]],
    refresh_cache: Callable[[], Awaitable[None]],
    tz: tzinfo = UTC,
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=tz)
    register_jobs(scheduler, cleanup=cleanup, refresh_cache=refresh_cache)
    return scheduler
