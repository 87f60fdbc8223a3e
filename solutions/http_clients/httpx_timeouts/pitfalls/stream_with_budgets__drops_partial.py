"""Pitfall: returning an empty list when a budget runs out.

Rejected by: test_outcome_and_lines
Why it is wrong: the outcome says why the stream ended, the lines say what arrived; throwing away the
lines already received discards data the upstream did deliver.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_timeouts.stream_with_budgets import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.stream_with_budgets import Collected
from solutions.http_clients.httpx_timeouts.stream_with_budgets import collect_lines as _reference


async def collect_lines(client: httpx.AsyncClient, url: str, *, idle: float, deadline: float) -> Collected:
    got = await _reference(client, url, idle=idle, deadline=deadline)
    return got if got.outcome == "complete" else Collected([], got.outcome)
