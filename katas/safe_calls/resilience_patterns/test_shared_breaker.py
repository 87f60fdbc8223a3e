"""Tests for shared_breaker: three pods, one Redis, one breaker. Time moves with freezegun (Redis TTLs follow it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import fakeredis
import pytest
from freezegun import freeze_time

from katas.safe_calls.resilience_patterns.shared_breaker import CircuitOpen, SharedCircuitBreaker, State

START = "2026-01-15 12:00:00"


@asynccontextmanager
async def _pods(n: int = 3, **options: Any) -> AsyncIterator[list[SharedCircuitBreaker]]:
    """n pods: each its own Redis client and its own SharedCircuitBreaker object, one shared server."""
    server = fakeredis.FakeServer()
    clients = [fakeredis.FakeAsyncRedis(server=server) for _ in range(n)]
    try:
        yield [SharedCircuitBreaker(client, "vendor-llm", **options) for client in clients]
    finally:
        for client in clients:
            await client.aclose()


async def _agree(pods: list[SharedCircuitBreaker], expected: State, when: str, why: str = "") -> None:
    states = [await pod.state() for pod in pods]
    assert len(set(states)) == 1, (
        f"{when}: the pods disagree: {[str(s) for s in states]} (pods A, B, C...). Breaker state must live "
        "in the shared store, or healthy-looking pods keep hammering a broken vendor."
    )
    assert states[0] is expected, f"{when}: every pod must see {expected}; they see {states[0]}. {why}"


async def _fail(pod: SharedCircuitBreaker, times: int) -> None:
    """`times` admitted calls on `pod` that each fail; a CircuitOpen on the way fails the test, explained."""
    for done in range(times):
        try:
            await pod.before_call()
        except CircuitOpen as exc:
            retry_after = exc.retry_after
        else:
            await pod.record_failure()
            continue
        pytest.fail(  # outside the `except`, so the report shows this explanation, not a bare CircuitOpen
            f"before_call() raised CircuitOpen(retry_after={retry_after!r}) after {done} of {times} failures: "
            "the breaker opened earlier than the test expects. If the breaker had just recovered, failures "
            "from before the trip were still counted: clear the shared failure count when the breaker trips "
            "(and when it closes), so a new outage starts from zero."
        )


async def _admitted(pod: SharedCircuitBreaker) -> bool:
    try:
        await pod.before_call()
    except CircuitOpen:
        return False
    return True


async def test_a_trip_on_one_pod_stops_every_pod() -> None:
    async with _pods() as (a, b, c):
        with freeze_time(START, real_asyncio=True):
            await _agree([a, b, c], State.CLOSED, "at the start")
            await _fail(a, 5)
            with pytest.raises(CircuitOpen) as caught:
                await b.before_call()
                pytest.fail(
                    "pod A recorded 5 failures, yet pod B still called the vendor. Breaker state must live "
                    "in the shared store."
                )
            assert caught.value.retry_after == pytest.approx(30.0), (
                f"right after the trip, retry_after must be the full open_s (30.0), got {caught.value.retry_after!r}."
            )
            await _agree([a, b, c], State.OPEN, "after pod A's 5 failures")


async def test_failures_add_up_across_pods() -> None:
    async with _pods() as (a, b, c):
        with freeze_time(START, real_asyncio=True):
            await _fail(a, 2)
            await _fail(b, 2)
            await _agree([a, b, c], State.CLOSED, "after 4 failures (threshold 5)")
            await _fail(b, 1)
            await _agree([a, b, c], State.OPEN, "after 2 failures on A and 3 on B")


async def test_failures_are_counted_in_a_fixed_window() -> None:
    async with _pods(failure_threshold=5, failure_window_s=60) as (a, b, c):
        with freeze_time(START, real_asyncio=True) as frozen:
            for i, pod in enumerate([a, b, c, a, b]):
                if i:
                    frozen.tick(50)
                await _fail(pod, 1)
            await _agree(
                [a, b, c],
                State.CLOSED,
                "five failures 50 s apart on a 5-per-60 s breaker (never more than two in one window)",
                "The window's TTL must be set once, when its first failure creates the counter; refreshing it "
                "on every failure turns the window into 'forever'.",
            )


async def test_only_the_lease_holder_probes() -> None:
    async with _pods() as (a, b, c):
        with freeze_time(START, real_asyncio=True) as frozen:
            await _fail(a, 5)
            frozen.tick(31)
            await _agree([a, b, c], State.HALF_OPEN, "just after open_s (30 s) since the trip")
            admitted = [await _admitted(pod) for pod in (a, b, c)]
            assert admitted.count(True) == 1, (
                f"half-open: pods A, B and C asked to call; admitted {admitted}. Exactly one may probe: the "
                "one that wins the probe lease (SET NX with an expiry)."
            )


async def test_the_probe_decides_for_every_pod() -> None:
    async with _pods(success_threshold=2) as (a, b, c):
        with freeze_time(START, real_asyncio=True) as frozen:
            for outage in ("first", "second"):
                await _fail(a, 5)
                frozen.tick(31)
                assert await _admitted(b), f"{outage} outage: pod B must win the probe lease."
                await b.record_success()
                await _agree(
                    [a, b, c],
                    State.HALF_OPEN,
                    f"{outage} outage, after 1 of 2 probe successes",
                    "A success count carried over from the last recovery? Reset counters when the breaker trips.",
                )
                assert await _admitted(c), (
                    f"{outage} outage: after a probe success the lease must be free for the next probe."
                )
                await c.record_success()
                await _agree([a, b, c], State.CLOSED, f"{outage} outage, after 2 probe successes")

            await _fail(a, 5)
            frozen.tick(31)
            assert await _admitted(c)
            await c.record_failure()
            await _agree([a, b, c], State.OPEN, "after a failed probe")
            with pytest.raises(CircuitOpen) as caught:
                await a.before_call()
            assert caught.value.retry_after == pytest.approx(30.0), (
                f"a failed probe reopens the breaker for a full open_s: expected 30.0, got {caught.value.retry_after!r}."
            )


async def test_a_crashed_probe_does_not_wedge_the_breaker() -> None:
    async with _pods(probe_lease_s=10) as (a, b, c):
        with freeze_time(START, real_asyncio=True) as frozen:
            await _fail(a, 5)
            frozen.tick(31)
            assert await _admitted(a), "pod A must win the probe lease."
            # pod A crashes: it never reports its probe
            assert not await _admitted(b), "while A's lease is valid, B must not probe."
            frozen.tick(11)
            assert await _admitted(b), (
                "just after probe_lease_s (10 s) since pod A took the lease and never reported, pod B must be allowed to "
                "probe. A lease without an expiry lets one crashed pod wedge the breaker half-open forever."
            )
            await b.record_success()
            await _agree([a, b, c], State.CLOSED, "after pod B's probe succeeded")
