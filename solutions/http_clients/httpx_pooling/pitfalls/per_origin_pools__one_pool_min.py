"""Pitfall: one shared pool sized to the smallest cap, "to be safe".

Rejected by: test_a_busy_origin_does_not_starve_another
Why it is wrong: when A is slow its requests hold every connection of the shared pool and B's requests
queue behind them until PoolTimeout: one slow upstream takes the whole service down.
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
    cap = min([*caps.values(), default_cap])
    return httpx.AsyncClient(
        limits=httpx.Limits(max_connections=cap, max_keepalive_connections=cap, keepalive_expiry=5.0),
        timeout=httpx.Timeout(io_timeout, pool=pool_wait),
        verify=verify,
        **client_kwargs,
    )
