"""Pitfall: forgetting to pass `max_connections` on to httpx.Limits.

Rejected by: test_off_keeps_one_request_per_connection
Why it is wrong: the default pool allows 100 connections, so under HTTP/1.1 all ten requests run at
once on ten sockets; the cap the caller asked for (to protect the upstream) is silently ignored.
"""

from __future__ import annotations

from typing import Any

import httpx

from solutions.http_clients.httpx_advanced.http2_modes import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.http2_modes import _PROTOCOLS, Mode


def build_client(
    base_url: str, *, mode: Mode, max_connections: int = 1, **client_kwargs: Any
) -> httpx.AsyncClient:
    if mode not in _PROTOCOLS:
        raise ValueError(mode)
    http1, http2 = _PROTOCOLS[mode]
    return httpx.AsyncClient(base_url=base_url, http1=http1, http2=http2, **client_kwargs)
