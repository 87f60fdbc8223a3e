"""Reference solution: scheduled_jobs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, tzinfo
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from fastapi import FastAPI, Request

_ONE_AT_A_TIME: dict[str, Any] = {"replace_existing": True, "max_instances": 1, "coalesce": True}


def register_jobs(
    scheduler: AsyncIOScheduler,
    *,
    cleanup: Callable[[], Awaitable[int]],
    refresh_cache: Callable[[], Awaitable[None]],
) -> None:
    # Trigger aliases ("cron", "interval") take the scheduler's timezone; a bare CronTrigger() would not.
    scheduler.add_job(cleanup, "cron", hour=3, minute=0, id="cleanup", **_ONE_AT_A_TIME)
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


def create_app(*, scheduler_factory: Callable[[], AsyncIOScheduler]) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        scheduler = app.state.scheduler = scheduler_factory()
        scheduler.start()  # needs the running loop: here, not at import or build time
        try:
            yield
        finally:
            scheduler.shutdown()

    app = FastAPI(lifespan=lifespan)

    @app.get("/jobs")
    async def jobs(request: Request) -> list[dict[str, str | None]]:
        return [
            {"id": job.id, "next_run_time": job.next_run_time.isoformat() if job.next_run_time else None}
            for job in request.app.state.scheduler.get_jobs()
        ]

    return app
