"""Exercise 4 of httpx_advanced: three HTTP/2 modes, and what multiplexing does to a pool of one.

Brief: katas/http_clients/httpx_advanced/README.md. Run: `kata run http2_modes`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, Literal

import httpx

Mode = Literal["off", "negotiate", "prior-knowledge"]


def build_client(
    base_url: str, *, mode: Mode, max_connections: int = 1, **client_kwargs: Any
) -> httpx.AsyncClient:
    """An AsyncClient for `base_url` whose pool holds at most `max_connections` connections.

    - "off": HTTP/1.1 only (works without the `h2` package).
    - "negotiate": offer HTTP/2 during the TLS handshake (ALPN) and fall back to HTTP/1.1; over plain
      http:// this simply means HTTP/1.1. Needs the `h2` package (`httpx[http2]`): ImportError without it.
    - "prior-knowledge": speak HTTP/2 at once, even over cleartext http://, with no HTTP/1.1 fallback.
      Needs `h2` too.
    Any other mode raises ValueError. Pass `client_kwargs` (trust_env=, timeout=, ...) on to the client.
    """
    raise NotImplementedError


async def versions_under_load(client: httpx.AsyncClient, paths: Sequence[str]) -> Counter[str]:
    """GET every path concurrently (all in flight at once) and count the responses by `http_version`,
    e.g. Counter({"HTTP/2": 10})."""
    raise NotImplementedError
