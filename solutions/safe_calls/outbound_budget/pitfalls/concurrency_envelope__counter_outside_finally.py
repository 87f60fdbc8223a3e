"""Pitfall: decrementing the in-flight counter after the call instead of in `finally`.

Rejected by: test_every_attempt_is_accounted_for
Why it is wrong: a timeout cancels the call, so the line after the await never runs; the gauge drifts up
with every timeout until dashboards (or a gate built on the same counter) think the service is full.
"""

from __future__ import annotations

import asyncio

from aiolimiter import AsyncLimiter

from solutions.safe_calls.outbound_budget.concurrency_envelope import *  # the rest is the reference
from solutions.safe_calls.outbound_budget.concurrency_envelope import EnvelopeStats


async def measure_envelope(
    limiter: AsyncLimiter, *, n_calls: int, call_timeout: float, vendor_latency: float
) -> EnvelopeStats:
    stats = EnvelopeStats(peak=0, completed=0, timed_out=0, final_in_flight=0)

    async def attempt() -> None:
        async with limiter:
            try:
                async with asyncio.timeout(call_timeout):
                    stats.final_in_flight += 1
                    stats.peak = max(stats.peak, stats.final_in_flight)
                    await asyncio.sleep(vendor_latency)
                    stats.final_in_flight -= 1
                stats.completed += 1
            except TimeoutError:
                stats.timed_out += 1

    await asyncio.gather(*(attempt() for _ in range(n_calls)))
    return stats
