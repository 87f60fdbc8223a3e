"""Reference solution: concurrency_envelope."""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass

from aiolimiter import AsyncLimiter


def peak_in_flight_bound(max_rate: float, time_period: float, call_timeout: float) -> int:
    burst = math.ceil(max_rate)  # the bucket starts full: max_rate calls may start at t=0
    return burst + math.ceil(max_rate / time_period * call_timeout)


def effective_ceiling(pool_max: int | None, gate_size: int | None) -> int | None:
    limits = [limit for limit in (pool_max, gate_size) if limit is not None]
    return min(limits) if limits else None


@dataclass
class EnvelopeStats:
    peak: int
    completed: int
    timed_out: int
    final_in_flight: int


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
                    try:
                        await asyncio.sleep(vendor_latency)
                    finally:
                        stats.final_in_flight -= 1
                stats.completed += 1
            except TimeoutError:
                stats.timed_out += 1

    await asyncio.gather(*(attempt() for _ in range(n_calls)))
    return stats
