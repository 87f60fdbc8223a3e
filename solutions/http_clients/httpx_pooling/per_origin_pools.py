"""Reference solution: per_origin_pools."""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from typing import Any

import httpx


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
        timeout=httpx.Timeout(io_timeout, pool=pool_wait),
        **client_kwargs,
    )
