"""Tests for global_then_local: three pods share one vendor quota through Redis; each protects itself locally.

looptime drives the clock (clock = the event loop's time); pods are FakeAsyncRedis clients on one FakeServer.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import time
from contextlib import AsyncExitStack

import httpx
import pytest

from katakit.testkit import ScriptedVendor, redis_pods, virtual_guard
from katas.safe_calls.cluster_limits.global_then_local import Pod, VendorBudgetExhausted, acquire_within
from katas.safe_calls.cluster_limits.pod_guard import Overloaded, PodGuard
from katas.safe_calls.cluster_limits.sliding_log_lua import SlidingWindowLimiter

pytestmark = pytest.mark.looptime


class Exhausted:
    """A global limiter with no room left; records the (loop) time of every try, and stops a runaway poller."""

    def __init__(self, max_tries: int = 100) -> None:
        self.tries: list[float] = []
        self.max_tries = max_tries

    async def try_acquire(self) -> bool:
        self.tries.append(asyncio.get_running_loop().time())
        if len(self.tries) > self.max_tries:
            raise AssertionError(
                f"acquire_within polled {len(self.tries)} times and was still going: its deadline never expired. "
                "Measure it on the clock you were given (and sleep with the sleep you were given), not on "
                "time.time()."
            )
        return False


async def test_the_vendor_sees_the_global_quota_not_pods_times_quota() -> None:
    vendor = ScriptedVendor([200])
    loop = asyncio.get_running_loop()
    async with redis_pods(3) as redises, AsyncExitStack() as stack, virtual_guard(600):
        clients = [await stack.enter_async_context(vendor.client()) for _ in redises]
        pods = [
            Pod(
                guard=PodGuard(slots=50, queue_budget=5),
                global_limiter=SlidingWindowLimiter(r, "vendor", limit=5, window_s=60, clock=loop.time),
                client=client,
                deadline_s=1,
                rng=random.Random(seed),
                clock=loop.time,
            )
            for seed, (r, client) in enumerate(zip(redises, clients, strict=True))
        ]

        async def one(pod: Pod) -> float | str:
            try:
                await pod.call({"prompt": "hi"})
                return "ok"
            except VendorBudgetExhausted:
                return loop.time()

        outcomes = await asyncio.gather(*(one(pods[i % 3]) for i in range(24)))
    exhausted = [t for t in outcomes if t != "ok"]
    assert vendor.calls == 5, (
        f"3 pods x 8 requests against a global quota of 5 per 60 s: the vendor received {vendor.calls} calls, "
        "expected 5. Each pod limiting itself to the quota lets 3 pods send 3 x the quota (with AsyncLimiter(5, 60) "
        "per pod the vendor sees 27 in the first minute): the quota must be checked in the shared limiter."
    )
    assert len(exhausted) == 19 and all(t == pytest.approx(1.0, abs=1e-3) for t in exhausted), (
        f"{len(exhausted)} callers got VendorBudgetExhausted, at times {sorted(set(round(t, 3) for t in exhausted))}; "
        "expected 19, all at t=1 (the 1 s deadline): wait for a global token only within the deadline, then fail "
        "fast, so the caller (or the load balancer) can try again later or elsewhere."
    )


async def test_the_deadline_runs_on_the_given_clock() -> None:
    limiter = Exhausted()
    loop = asyncio.get_running_loop()
    async with virtual_guard(30, what="acquire_within"):
        with pytest.raises(VendorBudgetExhausted):
            await acquire_within(limiter, deadline_s=3, rng=random.Random(1), clock=loop.time)
    assert loop.time() == pytest.approx(3.0, abs=1e-3), (
        f"acquire_within on an exhausted limiter gave up at t={loop.time():.3f}; expected exactly t=3. Measure "
        "the deadline on the clock you were given (here the event loop's), never time.time(), and never sleep "
        "past the deadline: the last try happens at the deadline."
    )
    assert 20 <= len(limiter.tries) <= 62 and limiter.tries[-1] == pytest.approx(3.0, abs=1e-3), (
        f"{len(limiter.tries)} tries, the last at t={limiter.tries[-1]:.3f}; expected a try every 0.05-0.15 s "
        "(poll_s 0.1 with +-50 % jitter) and a last try at t=3."
    )


async def test_pods_poll_out_of_step() -> None:
    loop = asyncio.get_running_loop()
    a, b = Exhausted(), Exhausted()
    async with virtual_guard(30):
        results = await asyncio.gather(
            acquire_within(a, deadline_s=1, rng=random.Random(1), clock=loop.time),
            acquire_within(b, deadline_s=1, rng=random.Random(2), clock=loop.time),
            return_exceptions=True,
        )
    assert all(isinstance(r, VendorBudgetExhausted) for r in results), f"both should give up; got {results}"
    # every gap between tries except the last one (which the deadline may shorten) is a jittered poll
    gaps = [t2 - t1 for tries in (a.tries, b.tries) for t1, t2 in itertools.pairwise(tries[:-1])]
    assert a.tries[1:4] != b.tries[1:4] and all(0.05 - 1e-6 <= g <= 0.15 + 1e-6 for g in gaps), (
        f"two pods polled at {[round(t, 3) for t in a.tries[:4]]} and {[round(t, 3) for t in b.tries[:4]]}: "
        "with a fixed 0.1 s poll every pod hits Redis in lock-step. Sleep poll_s x rng.uniform(0.5, 1.5), "
        "drawing from the rng you were given."
    )


async def test_a_locally_refused_request_spends_no_vendor_quota() -> None:
    vendor = ScriptedVendor([200])
    loop = asyncio.get_running_loop()
    guard = PodGuard(slots=1, queue_budget=1)
    release = asyncio.Event()

    async def hold() -> None:
        async with guard.slot():
            await release.wait()

    async with redis_pods(1) as (r,), vendor.client() as client, virtual_guard(600):
        limiter = SlidingWindowLimiter(r, "vendor", limit=5, window_s=60, clock=loop.time)
        pod = Pod(
            guard=guard,
            global_limiter=limiter,
            client=client,
            deadline_s=3,
            rng=random.Random(0),
            clock=loop.time,
        )
        holder = asyncio.create_task(hold())
        await asyncio.sleep(0)
        with pytest.raises(Overloaded):
            await pod.call({"prompt": "hi"})
        spent = await limiter.in_window()
        release.set()
        await holder
    assert (spent, vendor.calls) == (0, 0), (
        f"the pod refused the request (its only slot was busy) but {spent} global token(s) were spent; expected 0. "
        "Take local admission first and the global token second: otherwise vendor quota is burned on requests "
        "this pod then refuses."
    )


def test_acquire_within_never_reads_the_wall_clock() -> None:
    """A sync test: the clock is a plain function the test advances from the injected sleep."""
    fake_now = [1000.0]
    slept: list[float] = []

    async def fake_sleep(delay: float) -> None:
        slept.append(delay)
        fake_now[0] += delay

    real_start = time.monotonic()
    with pytest.raises(VendorBudgetExhausted):
        asyncio.run(
            acquire_within(
                Exhausted(), deadline_s=2, rng=random.Random(3), clock=lambda: fake_now[0], sleep=fake_sleep
            )
        )
    assert fake_now[0] == pytest.approx(1002.0) and sum(slept) == pytest.approx(2.0), (
        f"with an injected clock and sleep, acquire_within slept {sum(slept):.3f} s in total and stopped at "
        f"{fake_now[0]:.3f}; expected 2.0 and 1002.0. Use the injected clock and sleep for every wait."
    )
    assert time.monotonic() - real_start < 1.0, "acquire_within must not wait in real time"


async def test_the_jitter_comes_from_the_given_rng() -> None:
    loop = asyncio.get_running_loop()
    schedules = []
    async with virtual_guard(30):
        for _ in range(2):
            limiter = Exhausted()
            start = loop.time()
            with pytest.raises(VendorBudgetExhausted):
                await acquire_within(limiter, deadline_s=1, rng=random.Random(7), clock=loop.time)
            schedules.append([round(t - start, 6) for t in limiter.tries])
    assert schedules[0] == schedules[1], (
        f"two runs with random.Random(7) polled at {schedules[0][:5]} and {schedules[1][:5]} (seconds from the "
        "start); expected the same schedule. Draw the jitter from the rng you were given "
        "(rng.uniform(0.5, 1.5)), never from the module-level random: a seeded rng must reproduce the schedule."
    )


class Granting:
    """A global limiter that always has room."""

    async def try_acquire(self) -> bool:
        return True


async def test_a_vendor_error_is_raised_not_returned() -> None:
    vendor = ScriptedVendor([503])
    loop = asyncio.get_running_loop()
    async with vendor.client() as client, virtual_guard(60):
        pod = Pod(
            guard=PodGuard(slots=2, queue_budget=1),
            global_limiter=Granting(),
            client=client,
            deadline_s=1,
            rng=random.Random(0),
            clock=loop.time,
        )
        try:
            got = await pod.call({"prompt": "hi"})
        except httpx.HTTPStatusError as exc:
            got = exc
    assert isinstance(got, httpx.HTTPStatusError) and got.response.status_code == 503, (
        f"the vendor answered 503 and Pod.call gave {got!r}; expected httpx.HTTPStatusError (503). Call "
        "response.raise_for_status() before response.json(): an error body returned as a result is never "
        "retried, counted or surfaced."
    )


async def test_the_local_slot_is_held_during_the_vendor_call() -> None:
    vendor = ScriptedVendor([(200, 5.0)])
    loop = asyncio.get_running_loop()
    async with vendor.client() as client, virtual_guard(600):
        pod = Pod(
            guard=PodGuard(slots=2, queue_budget=60),
            global_limiter=Granting(),
            client=client,
            deadline_s=1,
            rng=random.Random(0),
            clock=loop.time,
        )
        await asyncio.gather(*(pod.call({"prompt": "hi"}) for _ in range(4)))
    assert (vendor.calls, vendor.peak_in_flight) == (4, 2), (
        f"4 calls of 5 s through a pod with 2 slots: the vendor saw {vendor.calls} calls, at most "
        f"{vendor.peak_in_flight} at once; expected 4 calls, at most 2 at once. Hold the local slot for the whole "
        "call (the global token wait AND the POST): a slot given back before the POST protects nothing."
    )


class GrantsAt:
    """A global limiter that records the loop time of each try and grants the n-th one."""

    def __init__(self, grant_on_try: int) -> None:
        self.grant_on_try = grant_on_try
        self.tries: list[float] = []

    async def try_acquire(self) -> bool:
        self.tries.append(asyncio.get_running_loop().time())
        return len(self.tries) >= self.grant_on_try


async def test_the_first_try_is_immediate() -> None:
    loop = asyncio.get_running_loop()
    free = GrantsAt(1)
    async with virtual_guard(30):
        await acquire_within(free, deadline_s=3, rng=random.Random(1), clock=loop.time)
    assert free.tries == [pytest.approx(0.0, abs=1e-3)], (
        f"with room in the global quota, acquire_within tried at {[round(t, 3) for t in free.tries]}; expected "
        "one try at t=0. Try first and sleep only after a refusal: otherwise every request pays a poll "
        "interval of latency even when the quota has room."
    )
