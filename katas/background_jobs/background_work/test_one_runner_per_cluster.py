"""Tests for one_runner_per_cluster: three replicas (three clients of one fake Redis) fire together.

Loop time is fake (looptime) so a job can hold the lock for a while at no cost; lock expiry follows
freezegun's clock, which fakeredis reads (real_asyncio=True keeps the event loop on its own clock).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
import redis.asyncio
from freezegun import freeze_time

from katakit.testkit import redis_pods, virtual_guard
from katas.background_jobs.background_work.one_runner_per_cluster import RedisLockStore, single_flight

pytestmark = pytest.mark.looptime

KEY = "lock:nightly-report"
TTL_MS = 60_000


class ReportError(Exception):
    """The job failed."""


class NightlyReport:
    """The job: records which replica ran it, holds the lock for 5 s of loop time, returns a value."""

    def __init__(self, *, fails: bool = False) -> None:
        self.runs: list[str] = []
        self.fails = fails

    def for_pod(self, owner: str):  # type: ignore[no-untyped-def]
        async def job() -> str:
            self.runs.append(owner)
            await asyncio.sleep(5)
            if self.fails:
                raise ReportError("warehouse unreachable")
            return f"report by {owner}"

        return job


async def test_of_three_replicas_only_one_runs_the_job() -> None:
    report = NightlyReport()
    async with redis_pods(3) as pods, virtual_guard(60):
        wrapped = [
            single_flight(report.for_pod(o), store=RedisLockStore(r), key=KEY, owner=o, ttl_ms=TTL_MS)
            for r, o in zip(pods, "abc", strict=True)
        ]
        results = await asyncio.gather(*(run() for run in wrapped))
    assert len(report.runs) == 1, (
        f"replicas {report.runs} all ran the nightly job: acquiring must be one atomic SET key owner NX PX ttl. "
        "A GET then a SET leaves a window in which every replica sees the lock free."
    )
    assert sorted(results, key=str) == sorted([f"report by {report.runs[0]}", None, None], key=str), (
        f"results {results}: the lock holder returns the job's value, the other replicas None at once."
    )


async def test_the_lock_is_free_again_after_a_run() -> None:
    report = NightlyReport()
    async with redis_pods(2) as (a, b), virtual_guard(60):
        first = single_flight(report.for_pod("a"), store=RedisLockStore(a), key=KEY, owner="a", ttl_ms=TTL_MS)
        later = single_flight(report.for_pod("b"), store=RedisLockStore(b), key=KEY, owner="b", ttl_ms=TTL_MS)
        assert await first() == "report by a"
        assert await later() == "report by b", (
            "after replica a's run finished, replica b could not run: release the lock when the job ends."
        )
        assert await a.get(KEY) is None, "the lock should be gone after the last run"


async def test_a_failing_job_still_releases_the_lock() -> None:
    report = NightlyReport(fails=True)
    async with redis_pods(1) as (a,), virtual_guard(60):
        run = single_flight(report.for_pod("a"), store=RedisLockStore(a), key=KEY, owner="a", ttl_ms=TTL_MS)
        with pytest.raises(ReportError):
            await run()
        holder = await a.get(KEY)
    assert holder is None, (
        f"the job raised and the lock is still held by {holder!r}: release in `finally`, or every replica "
        "skips the job until the TTL runs out. (And let the exception propagate.)"
    )


async def test_a_crashed_holder_cannot_block_forever() -> None:
    report = NightlyReport()
    with freeze_time("2026-01-15 03:00:00", real_asyncio=True) as clock:
        async with redis_pods(2) as (a, b), virtual_guard(60):
            assert await RedisLockStore(a).acquire(KEY, "a", TTL_MS), "replica a should take a free lock"
            # ...and replica a crashes here, never releasing it.
            job_b = single_flight(
                report.for_pod("b"), store=RedisLockStore(b), key=KEY, owner="b", ttl_ms=TTL_MS
            )
            assert await job_b() is None, "replica a holds the lock, so replica b must not run the job"
            clock.tick(timedelta(milliseconds=TTL_MS + 1000))
            got = await job_b()
    assert got == "report by b", (
        f"after the TTL, replica b still could not run (got {got!r}): a crashed replica held the lock forever. "
        "Give the lock an expiry when you take it (SET ... NX PX ttl_ms)."
    )


async def test_a_late_release_leaves_the_new_holders_lock_alone() -> None:
    with freeze_time("2026-01-15 03:00:00", real_asyncio=True) as clock:
        async with redis_pods(2) as (a, b), virtual_guard(60):
            store_a, store_b = RedisLockStore(a), RedisLockStore(b)
            assert await store_a.acquire(KEY, "a", 1000), "replica a should take a free lock"
            clock.tick(timedelta(seconds=2))  # a's lock expires while a is still busy
            assert await store_b.acquire(KEY, "b", TTL_MS), "a's lock expired, so replica b should get it"
            await store_a.release(KEY, "a")  # a finishes late and releases "its" lock
            holder = await b.get(KEY)
    assert holder == b"b", (
        f"after replica a's late release the lock holder is {holder!r}, not b'b': you deleted another replica's "
        "lock. Check the owner and delete in one transaction (WATCH/MULTI/EXEC, or a Lua script)."
    )


class StolenAfterGet:
    """Replica a's Redis client, except that right after a plain GET of the lock, replica b takes it over
    (a's lock expired while a was between its check and its delete)."""

    def __init__(self, real: redis.asyncio.Redis, thief: redis.asyncio.Redis) -> None:
        self._real = real
        self._thief = thief
        self.stolen = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    async def get(self, key: str) -> Any:
        value = await self._real.get(key)
        await self._thief.set(key, "b", px=TTL_MS)
        self.stolen = True
        return value


async def test_release_checks_and_deletes_atomically() -> None:
    async with redis_pods(2) as (a, b), virtual_guard(60):
        client_a = StolenAfterGet(a, b)
        store_a = RedisLockStore(client_a)  # type: ignore[arg-type]
        assert await store_a.acquire(KEY, "a", TTL_MS), "replica a should take a free lock"
        await store_a.release(KEY, "a")
        holder = await b.get(KEY)
    if (
        not client_a.stolen
    ):  # no plain GET: a checked inside a transaction or a script, and released its own lock
        assert holder is None, f"replica a released its own lock, yet the holder is {holder!r}"
        return
    assert holder == b"b", (
        f"replica b took the lock between replica a's check of the owner and its delete, and afterwards the "
        f"holder is {holder!r}, not b'b': a GET followed by a separate DEL deleted b's lock. Check and delete in "
        "ONE atomic step: WATCH the key, GET, then MULTI/DEL/EXEC (EXEC fails if the key changed), or one Lua "
        "script."
    )
