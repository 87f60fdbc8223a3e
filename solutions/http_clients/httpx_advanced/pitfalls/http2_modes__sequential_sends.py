"""Pitfall: sending the paths one after another.

Rejected by: test_prior_knowledge_multiplexes_one_connection
Why it is wrong: with one request at a time there is nothing to multiplex; the load test measures
latency times N and says nothing about how the connection behaves under concurrency.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import httpx

from solutions.http_clients.httpx_advanced.http2_modes import *  # the rest is the reference


async def versions_under_load(client: httpx.AsyncClient, paths: Sequence[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in paths:
        counts[(await client.get(path)).http_version] += 1
    return counts
