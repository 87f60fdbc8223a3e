"""Pitfall: one shared pool sized to the sum of the caps.

Rejected by: test_each_listed_origin_has_its_own_cap
Why it is wrong: httpx's Limits have no per-origin cap, so A alone can take all sum(caps) connections;
the caps are only promises on paper.
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
    total = sum(caps.values()) + default_cap
    return httpx.AsyncClient(
        limits=httpx.Limits(max_connections=total, max_keepalive_connections=total, keepalive_expiry=5.0),
        timeout=httpx.Timeout(io_timeout, pool=pool_wait),
        verify=verify,
        **client_kwargs,
    )
