"""Pitfall: cron(minute=3) for "at 03:00".

Rejected by: test_the_triggers
Why it is wrong: cron fields left out default to "*" below the largest one given, so minute=3 fires at
3 minutes past EVERY hour: 24 cleanups a day. Give hour=3, minute=0.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, tzinfo
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from solutions.background_jobs.background_work.scheduled_jobs import *  # the rest is the reference

_ONE_AT_A_TIME: dict[str, Any] = {"replace_existing": True, "max_instances": 1, "coalesce": True}


def register_jobs(
    scheduler: AsyncIOScheduler,
    *,
    cleanup: Callable[[], Awaitable[int]],
    refresh_cache: Callable[[], Awaitable[None]],
) -> None:
    scheduler.add_job(cleanup, "cron", minute=3, id="cleanup", **_ONE_AT_A_TIME)
    scheduler.add_job(refresh_cache, "interval", minutes=5, id="refresh-cache", **_ONE_AT_A_TIME)


def build_scheduler(  # the reference's build_scheduler would call the reference's register_jobs
    *,
    cleanup: Callable[[], Awaitable[int]],
    refresh_cache: Callable[[], Awaitable[None]],
    tz: tzinfo = UTC,
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=tz)
    register_jobs(scheduler, cleanup=cleanup, refresh_cache=refresh_cache)
    return scheduler
