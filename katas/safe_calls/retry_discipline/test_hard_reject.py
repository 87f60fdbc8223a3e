"""Tests for hard_reject: one call costs one token, rejection is immediate, the app shares one limiter."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from aiolimiter import AsyncLimiter

from katakit.testkit import virtual_guard
from katas.safe_calls.retry_discipline.hard_reject import RateLimited, create_app, start_or_reject

pytestmark = pytest.mark.looptime


def now() -> float:
    return asyncio.get_running_loop().time()


async def test_third_call_in_a_burst_is_rejected_at_once() -> None:
    limiter = AsyncLimiter(2, 60)
    async with virtual_guard():
        await start_or_reject(limiter)
        await start_or_reject(limiter)
        with pytest.raises(RateLimited) as raised:
            await start_or_reject(limiter)
        rejected_at = now()
    assert rejected_at == 0.0, (
        f"the third call was rejected at t={rejected_at:.3f}; a hard reject answers at once (t=0), it never "
        "queues: waiting turns overload into latency."
    )
    assert raised.value.retry_after == 30, (
        f"AsyncLimiter(2, 60) frees a token every 60/2 = 30 s; expected retry_after=30, got {raised.value!r}."
    )


@pytest.mark.parametrize(("rate", "period", "expected"), [(3, 10, 4), (10, 1, 1)])
async def test_retry_after_is_rounded_up_to_whole_seconds(rate: int, period: float, expected: int) -> None:
    limiter = AsyncLimiter(rate, period)
    async with virtual_guard():
        for _ in range(rate):
            await start_or_reject(limiter)
        with pytest.raises(RateLimited) as raised:
            await start_or_reject(limiter)
    got = getattr(raised.value, "retry_after", None)
    assert got == expected, (
        f"AsyncLimiter({rate}, {period}) frees a token every {period}/{rate} = {period / rate:g} s: expected "
        f"retry_after={expected} (whole seconds, rounded UP, at least 1), got {got!r}. Rounding down sends "
        "clients back before a token is free, to be rejected again."
    )


async def test_one_call_costs_exactly_one_token() -> None:
    limiter = AsyncLimiter(2, 60)
    async with virtual_guard():
        await start_or_reject(limiter)
        try:
            await start_or_reject(limiter)
        except RateLimited:
            pytest.fail(
                "With 2 tokens per 60 s, the SECOND call was rejected after only one was admitted: the first call "
                "spent two tokens. A probe that acquires (even inside a short timeout) spends a token; check with "
                "has_capacity(), then acquire once."
            )


async def test_capacity_returns_after_the_period() -> None:
    limiter = AsyncLimiter(2, 60)
    async with virtual_guard():
        await start_or_reject(limiter)
        await start_or_reject(limiter)
        await asyncio.sleep(30)
        await start_or_reject(limiter)
        with pytest.raises(RateLimited):
            await start_or_reject(limiter)
    assert now() == 30.0, "the test itself should end at t=30"


async def test_bounded_wait_takes_a_token_that_frees_in_time() -> None:
    limiter = AsyncLimiter(1, 0.3)
    async with virtual_guard():
        await start_or_reject(limiter)
        await start_or_reject(limiter, max_wait=0.5)
        admitted_at = now()
    assert admitted_at == pytest.approx(0.3, abs=1e-3), (
        f"max_wait=0.5 and a token frees at t=0.3, so the call should be admitted at t=0.3; it returned at "
        f"t={admitted_at:.3f}. A bounded wait is one acquire under asyncio.timeout(max_wait), not a zero timeout."
    )


async def test_bounded_wait_gives_up_in_time() -> None:
    limiter = AsyncLimiter(1, 10)
    async with virtual_guard():
        await start_or_reject(limiter)
        with pytest.raises(RateLimited):
            await start_or_reject(limiter, max_wait=0.5)
        gave_up_at = now()
        assert limiter.has_capacity() is False
    assert gave_up_at == pytest.approx(0.5, abs=1e-3), (
        f"no token frees before t=10, so a 0.5 s bounded wait must raise RateLimited at t=0.5; it did at "
        f"t={gave_up_at:.3f}."
    )


async def test_app_answers_429_with_retry_after() -> None:
    app = create_app(lambda: AsyncLimiter(2, 60))
    async with app.router.lifespan_context(app), virtual_guard():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://app.test") as client:
            answers = [await client.post("/burst") for _ in range(3)]
    codes = [a.status_code for a in answers]
    assert codes == [200, 200, 429], (
        f"three POST /burst against AsyncLimiter(2, 60) answered {codes}; expected [200, 200, 429]. Build the "
        "limiter ONCE in the lifespan and keep it on app.state: a limiter per request never runs out."
    )
    assert answers[0].json() == {"accepted": True}, (
        f"a 200 carries {{'accepted': true}}; got {answers[0].text}"
    )
    retry_after = answers[2].headers.get("Retry-After", "")
    assert retry_after.isdigit() and int(retry_after) >= 1, (
        f"the 429 must carry Retry-After in whole seconds (at least 1) so clients know when to return; got "
        f"{retry_after!r}."
    )
