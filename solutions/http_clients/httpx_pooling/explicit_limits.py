"""Reference solution: explicit_limits."""

from __future__ import annotations

from typing import Any

import httpx


def make_limits(max_sockets: int, *, idle_fraction: float = 0.25, idle_ttl: float = 5.0) -> httpx.Limits:
    if max_sockets < 1:
        raise ValueError(f"max_sockets must be at least 1, got {max_sockets}")
    if not 0 < idle_fraction <= 1:
        raise ValueError(f"idle_fraction must be in (0, 1], got {idle_fraction}")
    if idle_ttl < 0:
        raise ValueError(f"idle_ttl must not be negative, got {idle_ttl}")
    return httpx.Limits(
        max_connections=max_sockets,
        max_keepalive_connections=max(1, int(max_sockets * idle_fraction)),
        keepalive_expiry=idle_ttl,
    )


def make_pool_client(
    base_url: str, limits: httpx.Limits, *, pool_wait: float, io_timeout: float = 10.0, **client_kwargs: Any
) -> httpx.AsyncClient:
    timeout = httpx.Timeout(io_timeout, pool=pool_wait)
    return httpx.AsyncClient(base_url=base_url, limits=limits, timeout=timeout, **client_kwargs)
