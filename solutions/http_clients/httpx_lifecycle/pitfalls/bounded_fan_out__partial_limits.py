"""Pitfall: `httpx.Limits(max_connections=n)` alone, trusting a default for the idle cap.

Rejected by: test_idle_sockets_are_trimmed_after_a_burst
Why it is wrong: `httpx.Limits`'s idle cap, `max_keepalive_connections`, defaults to None, i.e. unbounded
(only `keepalive_expiry` has a default, 5 s; the 100/20 are AsyncClient's default limits); every
connection of a burst then stays open while idle.
"""

from __future__ import annotations

import ssl
from typing import Any

import httpx

from solutions.http_clients.httpx_lifecycle.bounded_fan_out import *  # the rest is the reference


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
    transport = httpx.AsyncHTTPTransport(
        limits=httpx.Limits(max_connections=max_sockets), retries=connect_retries, verify=verify
    )
    timeout = httpx.Timeout(io_timeout, pool=pool_wait)
    return httpx.AsyncClient(base_url=base_url, transport=transport, timeout=timeout, **client_kwargs)
