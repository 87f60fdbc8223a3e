"""Pitfall: plain mounted transports, expecting the client's `limits=` to apply to them.

Rejected by: test_each_listed_origin_has_its_own_cap
Why it is wrong: limits belong to each transport; a mounted `AsyncHTTPTransport()` keeps its own default
of 100 connections and the client's `limits=` only shapes the client's default transport.
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
    cap = min(caps.values())
    return httpx.AsyncClient(
        mounts={origin: httpx.AsyncHTTPTransport(verify=verify) for origin in caps},
        limits=httpx.Limits(max_connections=cap, max_keepalive_connections=cap, keepalive_expiry=5.0),
        timeout=httpx.Timeout(io_timeout, pool=pool_wait),
        verify=verify,
        **client_kwargs,
    )
