"""Pitfall: connect/read/write get a hard-coded 30 s; io_timeout is ignored.

Rejected by: test_every_phase_gets_its_budget
Why it is wrong: the caller's io_timeout never reaches the client, so a stalled upstream holds a
connection of its small per-origin pool for 30 s, and that origin's pool empties far sooner than planned.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from typing import Any

import httpx

from solutions.http_clients.httpx_pooling.per_origin_pools import *  # the rest is the reference


def build_partitioned_client(
    caps: Mapping[str, int],
    *,
    default_cap: int,
    pool_wait: float,
    io_timeout: float = 30.0,
    verify: ssl.SSLContext | bool = True,
    **client_kwargs: Any,
) -> httpx.AsyncClient:
    def pool(cap: int) -> httpx.AsyncHTTPTransport:
        limits = httpx.Limits(max_connections=cap, max_keepalive_connections=cap, keepalive_expiry=5.0)
        return httpx.AsyncHTTPTransport(limits=limits, verify=verify)

    return httpx.AsyncClient(
        transport=pool(default_cap),
        mounts={origin: pool(cap) for origin, cap in caps.items()},
        timeout=httpx.Timeout(30.0, pool=pool_wait),
        **client_kwargs,
    )
