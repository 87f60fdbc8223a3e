"""Pitfall: add_job without stable ids and replace_existing (and with the defaults left implicit).

Rejected by: test_two_named_jobs_one_instance_each
Why it is wrong: registering again (a reload, a second call in a test, a config refresh) duplicates
every job, so the cleanup runs twice per night; with ids but no replace_existing, start() raises
ConflictingIdError instead.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, tzinfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from solutions.background_jobs.background_work.scheduled_jobs import *  # the rest is the reference


def register_jobs(
    scheduler: AsyncIOScheduler,
    *,
    cleanup: Callable[[], Awaitable[int]],
    refresh_cache: Callable[[], Awaitable[None]],
) -> None:
    scheduler.add_job(cleanup, "cron", hour=3, minute=0)
    scheduler.add_job(refresh_cache, "interval", minutes=5)


def build_scheduler(  # the reference's build_scheduler would call the reference's register_jobs
    *,
    cleanup: Callable[[], Awaitable[int]],
    refresh_cache: Callable[[], Awaitable[None]],
    tz: tzinfo = UTC,
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=tz)
    register_jobs(scheduler, cleanup=cleanup, refresh_cache=refresh_cache)
    return scheduler
