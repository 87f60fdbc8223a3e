"""Exercise 1 of httpx_pooling: pool limits and timeouts, configured explicitly and completely.

Brief: katas/http_clients/httpx_pooling/README.md. Run: `kata run explicit_limits`.
"""

from __future__ import annotations

from typing import Any

import httpx


def make_limits(max_sockets: int, *, idle_fraction: float = 0.25, idle_ttl: float = 5.0) -> httpx.Limits:
    """Fully explicit pool limits, no field left to a default:

    - at most `max_sockets` connections (active and idle together),
    - at most `max(1, floor(max_sockets * idle_fraction))` of them kept open while idle,
    - an idle connection closed after `idle_ttl` seconds.

    Raise ValueError when max_sockets < 1, idle_fraction is outside (0, 1], or idle_ttl < 0.
    """
    raise NotImplementedError


def make_pool_client(
    base_url: str, limits: httpx.Limits, *, pool_wait: float, io_timeout: float = 10.0, **client_kwargs: Any
) -> httpx.AsyncClient:
    """An AsyncClient on `base_url` with these limits and a finite budget in every phase: a request waits
    at most `pool_wait` seconds for a pooled connection, and connect, read and write get `io_timeout`.
    `client_kwargs` go to the AsyncClient."""
    raise NotImplementedError
