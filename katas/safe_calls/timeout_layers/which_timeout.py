"""Exercise 2 of timeout_layers: a total budget around one attempt, and telling the timeouts apart.

Brief: katas/safe_calls/timeout_layers/README.md. Run: `kata run which_timeout`.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx


@dataclass
class CallBudgetExceeded(Exception):
    """The per-attempt total budget (our asyncio.timeout) expired; `budget` is its length in seconds."""

    budget: float


@dataclass
class TransportTimeout(Exception):
    """httpx gave up on one socket phase; `phase` is "connect", "read", "write" or "pool"."""

    phase: str


async def get_within(client: httpx.AsyncClient, url: str, *, call_budget: float) -> httpx.Response:
    """GET `url` with `client`, but give the whole attempt at most `call_budget` seconds.

    - The budget expiring raises CallBudgetExceeded(call_budget).
    - An httpx timeout raises TransportTimeout with the phase of the exception class (ConnectTimeout ->
      "connect", ReadTimeout -> "read", WriteTimeout -> "write", PoolTimeout -> "pool").
    Chain the original exception (`raise ... from exc`). Never swallow cancellation.
    """
    raise NotImplementedError
