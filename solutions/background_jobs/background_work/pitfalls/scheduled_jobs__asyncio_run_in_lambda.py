"""Pitfall: registering `lambda: asyncio.run(cleanup())` instead of the coroutine function.

Rejected by: test_a_run_happens_on_the_event_loop
Why it is wrong: a sync callable runs in the scheduler's thread pool, and asyncio.run builds a second
event loop there; anything bound to the app's loop (a DB pool, an httpx.AsyncClient) breaks or is
shared unsafely across loops.
"""

from __future__ import annotations

import asyncio
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
    scheduler.add_job(
        lambda: asyncio.run(cleanup()), "cron", hour=3, minute=0, id="cleanup", **_ONE_AT_A_TIME
    )
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
