"""Pitfall: turning http2 on for every mode, "off" included.

Rejected by: test_http2_modes_need_the_h2_package
Why it is wrong: a client that only needs HTTP/1.1 now fails to start with ImportError wherever the
`h2` extra is missing (a slim image, a lock file without `httpx[http2]`).
"""

from __future__ import annotations

from typing import Any

import httpx

from solutions.http_clients.httpx_advanced.http2_modes import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.http2_modes import Mode


def build_client(
    base_url: str, *, mode: Mode, max_connections: int = 1, **client_kwargs: Any
) -> httpx.AsyncClient:
    if mode not in ("off", "negotiate", "prior-knowledge"):
        raise ValueError(mode)
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
    return httpx.AsyncClient(
        base_url=base_url, http1=mode != "prior-knowledge", http2=True, limits=limits, **client_kwargs
    )
