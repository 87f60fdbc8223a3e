"""Pitfall: awaiting the requests one after another.

Rejected by: test_pool_caps_requests_in_flight, test_results_follow_input_order
Why it is wrong: the pool allows several connections but only one is ever used; the total time is the
sum of the latencies instead of the largest one.
"""

from __future__ import annotations

from collections.abc import Sequence

import httpx

from solutions.http_clients.httpx_lifecycle.bounded_fan_out import *  # the rest is the reference


async def fan_out(client: httpx.AsyncClient, paths: Sequence[str]) -> list[int]:
    return [(await client.get(path)).status_code for path in paths]
