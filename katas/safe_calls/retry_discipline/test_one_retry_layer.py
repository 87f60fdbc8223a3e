"""Tests for one_retry_layer: retries multiply across layers, so size the outer layer by the inner one."""

from __future__ import annotations

import asyncio
import random

import httpx
import pytest

from katakit.testkit import CountingLimiter, ScriptedVendor, SleepSpy, fixed_now, virtual_guard
from katas.safe_calls.retry_discipline.one_retry_layer import outer_attempts_for, total_vendor_requests
from katas.safe_calls.retry_discipline.safe_caller import GaveUp, RetryPolicy, SafeCaller


class FakeSdk(httpx.AsyncBaseTransport):
    """A vendor SDK's transport that quietly retries a 503 up to `max_retries` extra times."""

    def __init__(self, inner: httpx.AsyncBaseTransport, max_retries: int) -> None:
        self.inner, self.max_retries = inner, max_retries

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        for _ in range(self.max_retries):
            response = await self.inner.handle_async_request(request)
            if response.status_code != 503:
                return response
        return await self.inner.handle_async_request(request)


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [(3, 0, 3), (3, 2, 9), (3, 3, 12), (1, 5, 6), (5, 1, 10)],
)
def test_total_vendor_requests(outer: int, inner: int, expected: int) -> None:
    got = total_vendor_requests(outer, inner)
    assert got == expected, (
        f"{outer} attempts over a layer with {inner} retries can send up to {expected} requests, not {got}. "
        f"A retry is an EXTRA attempt: each of our attempts becomes 1 + {inner} requests below us."
    )


@pytest.mark.parametrize(
    ("budget", "inner", "expected"),
    [(3, 2, 1), (10, 2, 3), (12, 3, 3), (9, 0, 9), (1, 5, 1), (0, 0, 1)],
)
def test_outer_attempts_for(budget: int, inner: int, expected: int) -> None:
    got = outer_attempts_for(budget, inner)
    assert got == expected, (
        f"budget {budget} requests, {inner} retries below us: expected {expected} outer attempt(s), got {got}. "
        "Divide the budget by (1 + inner), round down, and never go below one attempt."
    )


@pytest.mark.looptime
async def test_stacked_retries_fit_the_budget() -> None:
    vendor = ScriptedVendor([503])  # the vendor is down: every request answers 503
    sdk = FakeSdk(vendor.transport(), max_retries=2)
    attempts = outer_attempts_for(3, sdk.max_retries)
    async with httpx.AsyncClient(base_url="https://vendor.test", transport=sdk) as client, virtual_guard():
        caller = SafeCaller(
            client,
            slots=asyncio.Semaphore(1),
            limiter=CountingLimiter(),
            rng=random.Random(0),
            policy=RetryPolicy(max_attempts=attempts),
            sleep=SleepSpy(),
            now=fixed_now(),
        )
        with pytest.raises(GaveUp):
            await caller.post_json("/v1/jobs", {"prompt": "hi"})
    assert vendor.calls == 3, (
        f"A budget of 3 vendor requests over an SDK that retries twice: the vendor saw {vendor.calls}. Switch "
        "the inner retries off, or shrink your own attempts to fit (here: 1 attempt = 3 requests)."
    )
