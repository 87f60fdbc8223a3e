"""Exercise 3 of httpx_pooling: one client, a separate pool per upstream.

Brief: katas/http_clients/httpx_pooling/README.md. Run: `kata run per_origin_pools`.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from typing import Any

import httpx


def build_partitioned_client(
    caps: Mapping[str, int],
    *,
    default_cap: int,
    pool_wait: float,
    io_timeout: float = 30.0,
    verify: ssl.SSLContext | bool = True,
    **client_kwargs: Any,
) -> httpx.AsyncClient:
    """One AsyncClient in which every origin of `caps` ('http://host:port') has a pool of its own, of at
    most that many connections (all of which may stay idle), and every other origin shares one default pool
    of at most `default_cap` connections.

    A request waits at most `pool_wait` seconds for a connection of its pool; connect, read and write get
    `io_timeout`. Every pool uses `verify` for TLS. `client_kwargs` go to the AsyncClient.
    """
    raise NotImplementedError
