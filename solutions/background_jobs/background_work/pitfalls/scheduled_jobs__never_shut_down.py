"""Pitfall: starting the scheduler in the lifespan but never shutting it down.

Rejected by: test_the_lifespan_starts_and_stops_the_scheduler
Why it is wrong: on shutdown the loop closes under a scheduler that still holds timers and may be
mid-job; jobs are cut off without their cleanup, and tests leak running schedulers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from fastapi import FastAPI, Request

from solutions.background_jobs.background_work.scheduled_jobs import *  # the rest is the reference


def create_app(*, scheduler_factory: Callable[[], AsyncIOScheduler]) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.scheduler = scheduler_factory()
        app.state.scheduler.start()
        yield

    app = FastAPI(lifespan=lifespan)

    @app.get("/jobs")
    async def jobs(request: Request) -> list[dict[str, str | None]]:
        return [
            {"id": job.id, "next_run_time": job.next_run_time.isoformat() if job.next_run_time else None}
            for job in request.app.state.scheduler.get_jobs()
        ]

    return app
