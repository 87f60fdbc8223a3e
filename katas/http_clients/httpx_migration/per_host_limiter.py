"""Exercise 3 of httpx_migration: aiohttp's limit_per_host, which httpx.Limits does not have.

Brief: katas/http_clients/httpx_migration/README.md. Run: `kata run per_host_limiter`.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Any

import httpx


class PerHostLimiter:
    """Caps requests in flight per origin (scheme, host and port), like aiohttp's
    TCPConnector(limit_per_host=...), and optionally in total, like its `limit`."""

    def __init__(self, client: httpx.AsyncClient, *, per_host: int, total: int | None = None) -> None:
        """Wrap `client` (not owned: never closed here). At most `per_host` requests in flight to any one
        origin, and at most `total` across all origins when `total` is given. Origins seen for the first
        time get their cap too; a slot freed by a failed request is freed all the same."""
        raise NotImplementedError

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """`client.request(method, url, **kwargs)` while holding a slot of the URL's origin (and of the
        total). `url` is absolute."""
        raise NotImplementedError

    def stream(self, method: str, url: str, **kwargs: Any) -> AbstractAsyncContextManager[httpx.Response]:
        """`client.stream(method, url, **kwargs)` that holds the slot until the stream's block exits: a
        response being read still occupies the origin."""
        raise NotImplementedError
