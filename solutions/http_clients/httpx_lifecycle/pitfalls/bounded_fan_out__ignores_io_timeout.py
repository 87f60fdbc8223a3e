"""Pitfall: only the pool wait is configured; connect/read/write keep a hard-coded 30 s.

Rejected by: test_io_timeout_bounds_a_slow_answer
Why it is wrong: a stuck upstream holds the caller (and a pooled socket) for 30 s instead of
the io_timeout the caller chose; the configuration says one thing and the client does another.
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
    transport = httpx.AsyncHTTPTransport(limits=limits, retries=connect_retries, verify=verify)
    return httpx.AsyncClient(
        base_url=base_url, transport=transport, timeout=httpx.Timeout(30.0, pool=pool_wait), **client_kwargs
    )
