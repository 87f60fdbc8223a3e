"""Pitfall: building prior knowledge as `http2=True` alone.

Rejected by: test_prior_knowledge_multiplexes_one_connection
Why it is wrong: http2=True only adds "h2" to the TLS ALPN offer; over cleartext httpx sends plain HTTP/1.1
and never tries an h2c upgrade, so an HTTP/2-only service hangs up on every request.
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
    return httpx.AsyncClient(base_url=base_url, http2=mode != "off", limits=limits, **client_kwargs)
