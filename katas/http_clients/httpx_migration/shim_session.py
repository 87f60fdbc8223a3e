"""Exercise 2 of httpx_migration: an aiohttp-shaped session on top of httpx, so ported code keeps its shape.

Brief: katas/http_clients/httpx_migration/README.md. Run: `kata run shim_session`.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Any

import httpx


class ShimResponse:
    """What `async with session.get(url) as resp:` gives: aiohttp's response shape over an httpx response
    whose body has not been read yet."""

    def __init__(self, response: httpx.Response) -> None:
        """Wrap `response` (a streamed httpx response, body unread)."""
        raise NotImplementedError

    @property
    def status(self) -> int:
        """The HTTP status code (aiohttp calls it `status`, httpx `status_code`)."""
        raise NotImplementedError

    async def read(self) -> bytes:
        """The whole body, read on first call and cached: a second call returns the same bytes."""
        raise NotImplementedError

    async def text(self) -> str:
        """The body decoded as text, with the charset its Content-Type declares (as aiohttp does)."""
        raise NotImplementedError

    async def json(self) -> Any:
        """The body decoded as JSON."""
        raise NotImplementedError

    def raise_for_status(self) -> None:
        """Raise httpx.HTTPStatusError for a 4xx/5xx answer."""
        raise NotImplementedError


class ShimSession:
    """An aiohttp.ClientSession look-alike over an httpx.AsyncClient the session does not own."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        """Wrap `client`; closing it stays the owner's job."""
        raise NotImplementedError

    def get(self, url: str, **kwargs: Any) -> AbstractAsyncContextManager[ShimResponse]:
        """`async with session.get(url, **kwargs) as resp:` like aiohttp: the status and headers are known
        on entry, the body is read only when asked for (`await resp.json()`), and the connection is
        released when the block exits, also when it exits with an exception. kwargs go to httpx."""
        raise NotImplementedError
