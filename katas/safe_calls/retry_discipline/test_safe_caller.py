"""Tests for safe_caller: the retry loop is the OUTERMOST layer; each attempt pays for admission again."""

from __future__ import annotations

import asyncio
import json
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

from katakit.testkit import CountingLimiter, ScriptedVendor, SleepSpy, fixed_now, virtual_guard
from katas.safe_calls.retry_discipline.failure_classes import Overloaded
from katas.safe_calls.retry_discipline.safe_caller import (
    GaveUp,
    RetryPolicy,
    SafeCaller,
    new_idempotency_key,
    utc_now,
)

pytestmark = pytest.mark.looptime

PAYLOAD = {"prompt": "hello"}


def now() -> float:
    return asyncio.get_running_loop().time()


def caller(
    client: httpx.AsyncClient,
    *,
    slots: asyncio.Semaphore | None = None,
    limiter: CountingLimiter | None = None,
    sleep: SleepSpy | None = None,
    seed: int = 0,
    **kwargs: Any,
) -> SafeCaller:
    return SafeCaller(
        client,
        slots=slots or asyncio.Semaphore(1),
        limiter=limiter or CountingLimiter(),
        rng=random.Random(seed),
        sleep=sleep or SleepSpy(),
        now=fixed_now(),
        **kwargs,
    )


async def test_returns_the_json_body() -> None:
    vendor = ScriptedVendor([httpx.Response(200, json={"id": "job-1"})])
    async with vendor.client() as client, virtual_guard():
        got = await caller(client).post_json("/v1/jobs", PAYLOAD)
    assert got == {"id": "job-1"}, f"post_json returns the decoded JSON body of a 2xx answer; got {got!r}."
    assert vendor.calls == 1, f"one success, one vendor call; the vendor saw {vendor.calls}."
    sent = vendor.requests[0]
    assert (sent.method, sent.url.path) == ("POST", "/v1/jobs"), (
        f"post_json sends a POST to the given path; the vendor saw {sent.method} {sent.url.path}."
    )
    body = json.loads(sent.content) if sent.content else None
    assert body == PAYLOAD, f"the POST must carry the payload as JSON ({PAYLOAD}); the vendor got {body!r}."


async def test_backoff_sleeps_without_holding_the_slot() -> None:
    slots = asyncio.Semaphore(1)
    spy = SleepSpy(probe=slots.locked)
    vendor = ScriptedVendor([503, 200])
    async with vendor.client() as client, virtual_guard():
        await caller(client, slots=slots, sleep=spy).post_json("/v1/jobs", PAYLOAD)
    assert spy.probes == [False], (
        f"During the backoff sleep the slot was {'held' if spy.probes == [True] else spy.probes}. Sleeping "
        "while holding the slot blocks every other caller for nothing: release it before backing off "
        "(the retry loop goes OUTSIDE `async with slot`)."
    )


async def test_backoff_does_not_block_other_callers() -> None:
    slots = asyncio.Semaphore(1)
    vendor = ScriptedVendor([503, 200, 200])
    async with vendor.client() as client, virtual_guard():
        # seed 2: the first backoff delay is about 0.96 s, long enough to see who waited for it
        shared = caller(client, slots=slots, seed=2)
        await asyncio.gather(shared.post_json("/a", PAYLOAD), shared.post_json("/b", PAYLOAD))
    starts = [round(t, 3) for t in vendor.start_times]
    assert starts[1] == 0.0, (
        f"Vendor attempts started at t={starts}. The second caller should get the slot at t=0, while the "
        "first one backs off; instead it waited for the first caller's whole retry loop."
    )


async def test_every_attempt_pays_the_limiter() -> None:
    limiter = CountingLimiter()
    vendor = ScriptedVendor([503, 502, 200])
    async with vendor.client() as client, virtual_guard():
        await caller(client, limiter=limiter).post_json("/v1/jobs", PAYLOAD)
    assert limiter.entered == vendor.calls == 3, (
        f"3 vendor attempts but the rate limiter was entered {limiter.entered} time(s). Retries are requests "
        "too: each attempt must go through the limiter again, or retries blow through the vendor's quota."
    )


@pytest.mark.parametrize("code", [400, 401, 403, 404, 422])
async def test_client_errors_are_not_retried(code: int) -> None:
    vendor = ScriptedVendor([code, 200])
    async with vendor.client() as client, virtual_guard():
        with pytest.raises(GaveUp) as raised:
            await caller(client).post_json("/v1/jobs", PAYLOAD)
    assert vendor.calls == 1, (
        f"HTTP {code}: the vendor was called {vendor.calls} times; a 4xx fails the same way again."
    )
    assert (raised.value.attempts, raised.value.status) == (1, code), (
        f"expected GaveUp(attempts=1, status={code}), got {raised.value!r}."
    )


@pytest.mark.parametrize("error", [httpx.ReadTimeout, httpx.ConnectError, httpx.RemoteProtocolError])
async def test_transport_errors_are_retried(error: type[httpx.TransportError]) -> None:
    vendor = ScriptedVendor([error, 200])
    async with vendor.client() as client, virtual_guard():
        got = await caller(client).post_json("/v1/jobs", PAYLOAD)
    assert vendor.calls == 2 and got == {"status": 200}, (
        f"After one {error.__name__} the call should succeed on attempt 2 (vendor calls: {vendor.calls}). "
        "Timeouts, refused connections and dropped connections are transient; classify() says RETRY."
    )


async def test_gives_up_after_max_attempts() -> None:
    vendor = ScriptedVendor([500, 502, 503, 200])
    async with vendor.client() as client, virtual_guard():
        with pytest.raises(GaveUp) as raised:
            await caller(client).post_json("/v1/jobs", PAYLOAD)
    assert vendor.calls == 3, f"max_attempts=3 means 3 vendor calls in total; the vendor saw {vendor.calls}."
    assert (raised.value.attempts, raised.value.status) == (3, 503), (
        f"expected GaveUp(attempts=3, status=503) (the LAST status), got {raised.value!r}."
    )
    cause = raised.value.__cause__
    assert isinstance(cause, httpx.HTTPStatusError) and cause.response.status_code == 503, (
        f"GaveUp must be raised `from` the last error so logs show what really failed; __cause__ is {cause!r}."
    )


async def test_overload_fails_fast_without_retry() -> None:
    slots, limiter, spy = asyncio.Semaphore(1), CountingLimiter(), SleepSpy()
    vendor = ScriptedVendor([200])
    await slots.acquire()  # every slot is busy for the whole test
    async with vendor.client() as client, virtual_guard():
        with pytest.raises(Overloaded):
            await caller(client, slots=slots, limiter=limiter, sleep=spy).post_json("/v1/jobs", PAYLOAD)
        failed_at = now()
    assert failed_at == pytest.approx(5.0, abs=1e-3), (
        f"Overloaded should come after the 5 s queue budget, at t=5; it came at t={failed_at:.3f}."
    )
    assert (vendor.calls, spy.delays, limiter.entered) == (0, [], 1), (
        f"vendor calls={vendor.calls}, backoff sleeps={spy.delays}, limiter entries={limiter.entered}; expected "
        "(0, [], 1). Overload must fail fast: retrying it only adds load when we are already overloaded."
    )


async def test_queue_budget_does_not_cap_the_call() -> None:
    vendor = ScriptedVendor([(200, 10.0)])
    async with vendor.client() as client, virtual_guard():
        got = await caller(client).post_json("/v1/jobs", PAYLOAD)
        done_at = now()
    assert got == {"status": 200} and vendor.calls == 1, (
        f"A 10 s vendor call is within the 30 s call budget and must succeed at once (calls: {vendor.calls})."
    )
    assert done_at == pytest.approx(10.0, abs=1e-3), (
        f"finished at t={done_at:.3f}, expected t=10. The 5 s queue budget bounds only the wait for a slot; "
        "wrapping the call in it cuts healthy slow calls short."
    )


async def test_call_budget_cuts_a_hung_attempt() -> None:
    spy = SleepSpy()
    vendor = ScriptedVendor([(200, 100.0), 200])
    async with vendor.client() as client, virtual_guard():
        got = await caller(client, sleep=spy).post_json("/v1/jobs", PAYLOAD)
        done_at = now()
    assert got == {"status": 200} and vendor.calls == 2 and len(spy.delays) == 1, (
        f"The first attempt hangs for 100 s: the 30 s call budget should cut it, then one backoff and a "
        f"second attempt succeed (vendor calls: {vendor.calls}, sleeps: {spy.delays})."
    )
    expected = 30.0 + spy.delays[0]
    assert done_at == pytest.approx(expected, abs=1e-3), (
        f"finished at t={done_at:.3f}, expected 30 s (call budget) + {spy.delays[0]:.3f} s (backoff) = "
        f"{expected:.3f}."
    )


async def test_retry_after_sets_the_delay() -> None:
    spy = SleepSpy()
    vendor = ScriptedVendor([httpx.Response(429, headers={"Retry-After": "7"}), 200])
    async with vendor.client() as client, virtual_guard():
        await caller(client, sleep=spy).post_json("/v1/jobs", PAYLOAD)
    assert spy.delays == [7.0], (
        f"429 with Retry-After: 7 should make the only backoff exactly 7.0 s; the sleeps were {spy.delays}."
    )


async def test_an_http_date_retry_after_is_read_with_the_injected_clock() -> None:
    spy = SleepSpy()
    when = format_datetime(fixed_now()() + timedelta(seconds=7), usegmt=True)
    vendor = ScriptedVendor([httpx.Response(503, headers={"Retry-After": when}), 200])
    async with vendor.client() as client, virtual_guard():
        await caller(client, sleep=spy).post_json("/v1/jobs", PAYLOAD)
    assert spy.delays == [7.0], (
        f"Retry-After: {when} is 7 s after the injected now(); the only backoff must be 7.0 s, the sleeps were "
        f"{spy.delays}. Measure an HTTP-date from the `now` you were given, never the real clock: tests, "
        "replays and skewed hosts all depend on it."
    )


async def test_the_policy_numbers_are_used() -> None:
    spy = SleepSpy()
    policy = RetryPolicy(max_attempts=2, max_retry_after=5.0)
    vendor = ScriptedVendor([httpx.Response(429, headers={"Retry-After": "30"}), 503, 200])
    async with vendor.client() as client, virtual_guard():
        with pytest.raises(GaveUp) as raised:
            await caller(client, sleep=spy, policy=policy).post_json("/v1/jobs", PAYLOAD)
    assert (vendor.calls, raised.value.attempts, raised.value.status) == (2, 2, 503), (
        f"RetryPolicy(max_attempts=2): expected 2 vendor calls and GaveUp(attempts=2, status=503); got "
        f"{vendor.calls} calls and {raised.value!r}. Read the limits from the policy, not from constants."
    )
    assert spy.delays == [5.0], (
        f"Retry-After: 30 with max_retry_after=5.0: the backoff must be capped at 5.0 s; the sleeps were "
        f"{spy.delays}."
    )


async def test_each_attempt_returns_its_slot_exactly_once() -> None:
    slots = asyncio.Semaphore(1)
    vendor = ScriptedVendor([503, 502, 200])
    async with vendor.client() as client, virtual_guard():
        await caller(client, slots=slots).post_json("/v1/jobs", PAYLOAD)
        await slots.acquire()  # the only slot, now free again
        overcounted = not slots.locked()
    assert not overcounted, (
        "after a call with two failed attempts, taking the pod's only slot should leave none free, but the "
        "semaphore still had room: a slot was released twice (in `except` and again in `finally`). A plain "
        "asyncio.Semaphore accepts the extra release silently and the concurrency cap grows with every "
        "failure. Release once, in `finally`."
    )


async def test_backoff_is_jittered_per_seed() -> None:
    firsts = []
    for seed in range(5):
        spy = SleepSpy()
        vendor = ScriptedVendor([503, 200])
        async with vendor.client() as client, virtual_guard():
            await caller(client, sleep=spy, seed=seed).post_json("/v1/jobs", PAYLOAD)
        firsts.append(spy.delays[0])
    assert len(set(firsts)) == 5 and all(0.0 <= d <= 1.0 for d in firsts), (
        f"First backoff delays for seeds 0-4: {[round(d, 3) for d in firsts]}. Each should be a distinct "
        "full-jitter draw in [0, 1] from the injected rng, so clients do not retry in lockstep."
    )


async def test_one_idempotency_key_per_logical_call() -> None:
    keys = iter(f"key-{n}" for n in range(100))
    vendor = ScriptedVendor([503, 502, 200, 200])
    async with vendor.client() as client, virtual_guard():
        safe = caller(client, new_key=lambda: next(keys))
        await safe.post_json("/v1/jobs", PAYLOAD)
        await safe.post_json("/v1/jobs", PAYLOAD)
    sent = vendor.header_values("Idempotency-Key")
    assert sent == ["key-0", "key-0", "key-0", "key-1"], (
        f"Idempotency-Key per vendor attempt: {sent}. All attempts of one logical call must carry the SAME key "
        "(made once, before the loop) so the vendor can de-duplicate a retried POST; a new call gets a new key."
    )


def test_default_clock_and_key() -> None:
    stamp = utc_now()
    assert stamp.tzinfo is not None and abs(stamp - datetime.now(UTC)) < timedelta(minutes=1), (
        f"utc_now() must return the current time as an aware UTC datetime; got {stamp!r}."
    )
    first, second = new_idempotency_key(), new_idempotency_key()
    assert isinstance(first, str) and len(first) >= 16 and first != second, (
        f"new_idempotency_key() must return a fresh unique string each time; got {first!r} and {second!r}."
    )
