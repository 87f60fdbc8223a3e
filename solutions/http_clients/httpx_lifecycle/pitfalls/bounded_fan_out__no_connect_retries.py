"""Pitfall: the transport is built without `retries=`, so connect_retries is ignored.

Rejected by: test_connect_retries_reach_the_transport
Why it is wrong: a connect blip (a pod restarting, a refused SYN) fails the request at once;
connect retries are safe for any method because nothing was sent, but only the transport does them.
"""

from __future__ import annotations

import ssl
from typing import Any

import httpx

from solutions.http_clients.httpx_lifecycle.bounded_fan_out import *


def build_client(
    base_url: str,
    *,
    max_sockets: int,
    idle_sockets: int,
    pool_wait: float,
    io_timeout: float = 30.0,
    connect_retries: int = 0,
    verify: ssl.SSLContext | bool = True,
    **client_kwargs: Any,
) -> httpx.AsyncClient:
    limits = httpx.Limits(
        max_connections=max_sockets, max_keepalive_connections=idle_sockets, keepalive_expiry=5.0
    )
    transport = httpx.AsyncHTTPTransport(limits=limits, verify=verify)
    return httpx.AsyncClient(
        base_url=base_url,
        transport=transport,
        timeout=httpx.Timeout(io_timeout, pool=pool_wait),
        **client_kwargs,
    )
