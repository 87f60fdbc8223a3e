"""Pitfall: giving `limits=` to the client while passing a transport for the connect retries.

Rejected by: test_pool_caps_requests_in_flight
Why it is wrong: the pool belongs to the transport. `AsyncClient(transport=..., limits=...)` silently
ignores `limits=`, so the pool falls back to the transport's default of 100 connections and the cap is gone.
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
    limits = httpx.Limits(max_connections=max_sockets, max_keepalive_connections=idle_sockets)
    timeout = httpx.Timeout(io_timeout, pool=pool_wait)
    if connect_retries:
        transport = httpx.AsyncHTTPTransport(retries=connect_retries, verify=verify)
        return httpx.AsyncClient(
            base_url=base_url, transport=transport, limits=limits, timeout=timeout, **client_kwargs
        )
    return httpx.AsyncClient(
        base_url=base_url, limits=limits, timeout=timeout, verify=verify, **client_kwargs
    )
