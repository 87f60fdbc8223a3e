"""Exercise 4 of background_work: an in-process schedule, built once, started and stopped by the lifespan.

Brief: katas/background_jobs/background_work/README.md. Run: `kata run scheduled_jobs`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, tzinfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from fastapi import FastAPI


def register_jobs(
    scheduler: AsyncIOScheduler,
    *,
    cleanup: Callable[[], Awaitable[int]],
    refresh_cache: Callable[[], Awaitable[None]],
) -> None:
    """Add, or replace if already there, two jobs on `scheduler` (the coroutine functions themselves,
    so they run on the app's event loop):
    - id "cleanup": cron, every day at 03:00 in the scheduler's timezone;
    - id "refresh-cache": every 5 minutes.
    Each job: at most one instance at a time, and missed runs coalesced into one."""
    raise NotImplementedError


def build_scheduler(
    *,
    cleanup: Callable[[], Awaitable[int]],
    refresh_cache: Callable[[], Awaitable[None]],
    tz: tzinfo = UTC,
) -> AsyncIOScheduler:
    """Return a scheduler in timezone `tz` with both jobs registered, NOT started (starting needs a
    running event loop; that is the lifespan's job)."""
    raise NotImplementedError


def create_app(*, scheduler_factory: Callable[[], AsyncIOScheduler]) -> FastAPI:
    """App whose lifespan builds the scheduler with `scheduler_factory()`, starts it on startup and
    shuts it down on shutdown. GET /jobs answers [{"id": ..., "next_run_time": <ISO 8601 or null>}, ...]
    for the scheduler's jobs."""
    raise NotImplementedError
