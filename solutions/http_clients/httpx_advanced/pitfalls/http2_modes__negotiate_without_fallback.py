"""Pitfall: building "negotiate" with `http1=False`.

Rejected by: test_negotiate_over_cleartext_is_plain_http11
Why it is wrong: that removes the HTTP/1.1 fallback; every server that does not speak HTTP/2 (or a
cleartext URL, where there is no ALPN to negotiate with) now fails with RemoteProtocolError.
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
        base_url=base_url, http1=mode == "off", http2=mode != "off", limits=limits, **client_kwargs
    )
