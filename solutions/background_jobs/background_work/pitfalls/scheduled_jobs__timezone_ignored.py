"""Pitfall: build_scheduler ignores `tz`, so the scheduler runs in the host's local timezone.

Rejected by: test_cleanup_fires_at_three_in_the_given_timezone
Why it is wrong: "03:00" silently means 03:00 wherever the pod runs (UTC in a container, something else on
a laptop), so the nightly cleanup lands in business hours for a service configured for another zone.
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
    scheduler = AsyncIOScheduler()
    register_jobs(scheduler, cleanup=cleanup, refresh_cache=refresh_cache)
    return scheduler
