"""Tests for scheduled_jobs. APScheduler 3 reads the wall clock, so no fake loop time here: triggers are
checked with fixed datetimes, and a run is forced with next_run_time=now (milliseconds when correct)."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from fastapi.testclient import TestClient

from katas.background_jobs.background_work.scheduled_jobs import build_scheduler, create_app, register_jobs


class Jobs:
    """Fake job bodies that record the thread they ran on."""

    def __init__(self) -> None:
        self.cleanups: list[int] = []
        self.refreshes: list[int] = []

    async def cleanup(self) -> int:
        self.cleanups.append(threading.get_ident())
        return 3

    async def refresh_cache(self) -> None:
        self.refreshes.append(threading.get_ident())


def _build(jobs: Jobs) -> AsyncIOScheduler:
    return build_scheduler(cleanup=jobs.cleanup, refresh_cache=jobs.refresh_cache)


async def _stop(scheduler: AsyncIOScheduler) -> None:
    if scheduler.running:
        scheduler.shutdown(wait=False)
    await asyncio.sleep(0)  # AsyncIOScheduler applies shutdown one loop turn later


def test_building_needs_no_loop_and_does_not_start() -> None:
    try:
        scheduler = _build(Jobs())
    except RuntimeError as exc:
        pytest.fail(
            f"build_scheduler raised {exc!r}: it started the scheduler, and start() needs a running event "
            "loop. Build it here; start it in the lifespan.",
            pytrace=False,
        )
    assert isinstance(scheduler, AsyncIOScheduler), (
        f"build_scheduler should return an AsyncIOScheduler: {scheduler!r}"
    )
    assert scheduler.running is False, (
        "the scheduler is already running: build it, don't start it. start() needs a running event loop, "
        "which exists only in the lifespan (at import time there is none)."
    )


async def test_two_named_jobs_one_instance_each() -> None:
    jobs = Jobs()
    scheduler = _build(jobs)
    register_jobs(scheduler, cleanup=jobs.cleanup, refresh_cache=jobs.refresh_cache)  # e.g. a reload
    try:
        scheduler.start(paused=True)  # duplicate ids only surface here (ConflictingIdError)
        got = {job.id: (job.max_instances, job.coalesce) for job in scheduler.get_jobs()}
    finally:
        await _stop(scheduler)
    assert got == {"cleanup": (1, True), "refresh-cache": (1, True)}, (
        f"jobs after registering twice: {got}. Expected exactly 'cleanup' and 'refresh-cache', each with "
        "max_instances=1 and coalesce=True. Give jobs stable ids and replace_existing=True, so registering "
        "again replaces instead of duplicating (or failing at start)."
    )


async def test_the_triggers() -> None:
    scheduler = _build(Jobs())
    try:
        scheduler.start(paused=True)
        cleanup, refresh = scheduler.get_job("cleanup"), scheduler.get_job("refresh-cache")
        assert cleanup is not None and refresh is not None, "both jobs should be registered"
        after_four = datetime(2024, 1, 1, 4, 0, tzinfo=UTC)
        nightly = cleanup.trigger.get_next_fire_time(None, after_four)
        five_past = datetime(2024, 1, 1, 0, 5, tzinfo=UTC)
        next_refresh = refresh.trigger.get_next_fire_time(five_past, five_past)
    finally:
        await _stop(scheduler)
    assert nightly == datetime(2024, 1, 2, 3, 0, tzinfo=UTC), (
        f"after 04:00 UTC on Jan 1st the cleanup should next fire on Jan 2nd at 03:00 UTC; got {nightly}. "
        "Cron fields: hour=3, minute=0 (minute=3 would mean 3 minutes past every hour)."
    )
    assert next_refresh == datetime(2024, 1, 1, 0, 10, tzinfo=UTC), (
        f"after a refresh at 00:05 the next one is at 00:10; got {next_refresh}"
    )


async def test_a_run_happens_on_the_event_loop() -> None:
    jobs = Jobs()
    scheduler = _build(jobs)
    loop = asyncio.get_running_loop()
    done = asyncio.Event()
    outcomes: list[JobExecutionEvent] = []

    def listener(event: JobExecutionEvent) -> None:
        outcomes.append(event)
        loop.call_soon_threadsafe(done.set)  # listeners may be called from a worker thread

    scheduler.add_listener(listener, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    try:
        scheduler.start(paused=True)
        job = scheduler.get_job("cleanup")
        assert job is not None, "the cleanup job should be registered"
        job.modify(next_run_time=datetime.now(UTC))
        scheduler.resume()
        async with asyncio.timeout(1):  # a safety net; milliseconds when correct
            await done.wait()
    finally:
        await _stop(scheduler)
    assert [e.exception for e in outcomes] == [None], f"the cleanup run failed: {outcomes[0].exception!r}"
    assert jobs.cleanups == [threading.get_ident()], (
        "cleanup ran in a worker thread (with its own event loop), not on the app's loop: register the "
        "coroutine function itself. AsyncIOScheduler runs coroutine jobs on its loop and sync callables "
        "(like `lambda: asyncio.run(cleanup())`) in a thread pool."
    )


def test_the_lifespan_starts_and_stops_the_scheduler() -> None:
    jobs = Jobs()
    built: list[AsyncIOScheduler] = []

    def factory() -> AsyncIOScheduler:
        built.append(_build(jobs))
        return built[-1]

    with TestClient(create_app(scheduler_factory=factory)) as client:
        assert len(built) == 1 and built[0].running, "the lifespan should build and start one scheduler"
        listed = client.get("/jobs").json()
    assert sorted(job["id"] for job in listed) == ["cleanup", "refresh-cache"], f"GET /jobs answered {listed}"
    assert all(job["next_run_time"] for job in listed), (
        f"a running scheduler's jobs have next run times: {listed}"
    )
    assert built[0].running is False, (
        "the scheduler is still running after the app stopped: shut it down in the lifespan, after yield."
    )


async def test_cleanup_fires_at_three_in_the_given_timezone() -> None:
    plus_five = timezone(timedelta(hours=5), "UTC+05")  # a zone that is not the host's
    jobs = Jobs()
    scheduler = build_scheduler(cleanup=jobs.cleanup, refresh_cache=jobs.refresh_cache, tz=plus_five)
    try:
        scheduler.start(paused=True)
        cleanup = scheduler.get_job("cleanup")
        assert cleanup is not None, "the cleanup job should be registered"
        after_four = datetime(2024, 1, 1, 4, 0, tzinfo=plus_five)
        nightly = cleanup.trigger.get_next_fire_time(None, after_four)
    finally:
        await _stop(scheduler)
    expected = datetime(2024, 1, 2, 3, 0, tzinfo=plus_five)
    assert nightly == expected, (
        f"with tz=UTC+05, after 04:00 local time on Jan 1st the cleanup should next fire at {expected} "
        f"(22:00 UTC); got {nightly}. Create the scheduler with timezone=tz, and use the 'cron' alias (or pass "
        "timezone=) so the trigger takes it: a bare CronTrigger() and a scheduler without timezone= both use "
        "the host's local zone."
    )
