"""Exercise 4 of outbound_budget: how many calls can be in flight when only the start rate is limited?

Brief: katas/safe_calls/outbound_budget/README.md. Run: `kata run concurrency_envelope`.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiolimiter import AsyncLimiter


def peak_in_flight_bound(max_rate: float, time_period: float, call_timeout: float) -> int:
    """Upper bound on simultaneous attempts when starts pass AsyncLimiter(max_rate, time_period) and each
    attempt is cut off after call_timeout seconds.

    Little's law gives the steady part (start rate x time per attempt, rounded up); add the burst the
    limiter lets through at once before it settles to its steady rate.
    """
    raise NotImplementedError


def effective_ceiling(pool_max: int | None, gate_size: int | None) -> int | None:
    """The hard ceiling on calls in flight: the smaller of the configured limits; None where unset.
    None if neither is set (unbounded)."""
    raise NotImplementedError


@dataclass
class EnvelopeStats:
    """What one simulated burst did."""

    peak: int  # most attempts in flight at once
    completed: int  # attempts the vendor answered within call_timeout
    timed_out: int  # attempts cut off by call_timeout
    final_in_flight: int  # attempts still counted as in flight after everything finished (must be 0)


async def measure_envelope(
    limiter: AsyncLimiter, *, n_calls: int, call_timeout: float, vendor_latency: float
) -> EnvelopeStats:
    """Start n_calls tasks at once. Each passes `limiter`, then runs one attempt under
    asyncio.timeout(call_timeout): a fake vendor call that is `await asyncio.sleep(vendor_latency)`.

    Count an attempt as in flight from just before the vendor call until it ends, however it ends
    (answered or cut off), and track the peak. Return the stats once every task has finished.
    """
    raise NotImplementedError
