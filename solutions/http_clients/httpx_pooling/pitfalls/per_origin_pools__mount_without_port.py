"""Pitfall: mount keys without the port ('http://127.0.0.1').

Rejected by: test_a_busy_origin_does_not_starve_another
Why it is wrong: a mount pattern without a port matches every port of that host, so two upstreams on one
host collapse into one mount, hence one pool; the pool key (and the mount key) is scheme://host:port.
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

    mounts = {}
    for origin, cap in caps.items():
        url = httpx.URL(origin)
        mounts[f"{url.scheme}://{url.host}"] = pool(cap)
    return httpx.AsyncClient(
        transport=pool(default_cap),
        mounts=mounts,
        timeout=httpx.Timeout(io_timeout, pool=pool_wait),
        **client_kwargs,
    )
