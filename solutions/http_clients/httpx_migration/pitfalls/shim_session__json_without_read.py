"""Pitfall: json() returning the httpx response's .json() without reading the body first.

Rejected by: test_json_inside_the_block
Why it is wrong: "httpx response methods are synchronous" holds only for buffered responses; on a
streamed one the body has not been read, and .json() raises httpx.ResponseNotRead.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from solutions.http_clients.httpx_migration.shim_session import *  # the rest is the reference
from solutions.http_clients.httpx_migration.shim_session import ShimResponse, ShimSession


class ShimResponse(ShimResponse):  # type: ignore[no-redef]
    async def json(self) -> Any:
        return self._response.json()


class ShimSession(ShimSession):  # type: ignore[no-redef]
    @asynccontextmanager
    async def get(self, url: str, **kwargs: Any) -> AsyncIterator[ShimResponse]:
        async with self._client.stream("GET", url, **kwargs) as response:
            yield ShimResponse(response)
