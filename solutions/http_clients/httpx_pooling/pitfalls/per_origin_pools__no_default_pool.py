"""Pitfall: mounting the listed origins and forgetting the default pool.

Rejected by: test_other_origins_share_the_default_pool
Why it is wrong: every origin that is not listed falls through to the client's default transport, whose
default limits allow 100 connections: the unlisted upstreams are not capped at all.
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
        mounts={origin: pool(cap) for origin, cap in caps.items()},
        timeout=httpx.Timeout(io_timeout, pool=pool_wait),
        verify=verify,
        **client_kwargs,
    )
