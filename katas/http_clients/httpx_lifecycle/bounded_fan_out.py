"""Exercise 3 of httpx_lifecycle: a pool that caps sockets, and a fan-out that uses it well.

Brief: katas/http_clients/httpx_lifecycle/README.md. Run: `kata run bounded_fan_out`.
"""

from __future__ import annotations

import ssl
from collections.abc import Sequence
from typing import Any

import httpx


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
    """An AsyncClient on `base_url` whose pool:

    - holds at most `max_sockets` connections (so at most that many HTTP/1.1 requests in flight; the
      rest queue for a free connection),
    - keeps at most `idle_sockets` of them open once idle (idle ones also expire after 5 s),
    - retries a failed connect `connect_retries` times,
    - uses `verify` for TLS.

    A queued request waits at most `pool_wait` seconds for a connection (PoolTimeout); connect, read and
    write each get `io_timeout`. `client_kwargs` go to the AsyncClient.
    """
    raise NotImplementedError


async def fan_out(client: httpx.AsyncClient, paths: Sequence[str]) -> list[int]:
    """GET every path concurrently; return the status codes in the order of `paths`.

    If a request fails, cancel the ones still running and let that first error propagate unchanged.
    """
    raise NotImplementedError
