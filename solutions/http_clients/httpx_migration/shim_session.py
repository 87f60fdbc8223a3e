"""Reference solution: shim_session."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx


class ShimResponse:
    def __init__(self, response: httpx.Response) -> None:
        self._response = response

    @property
    def status(self) -> int:
        return self._response.status_code

    async def read(self) -> bytes:
        return await self._response.aread()  # aread() caches the body on the response

    async def text(self) -> str:
        await self.read()
        return self._response.text

    async def json(self) -> Any:
        return json.loads(await self.read())

    def raise_for_status(self) -> None:
        self._response.raise_for_status()


class ShimSession:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    @asynccontextmanager
    async def get(self, url: str, **kwargs: Any) -> AsyncIterator[ShimResponse]:
        # client.stream is httpx's lazy, context-bound response: aiohttp's shape exactly.
        async with self._client.stream("GET", url, **kwargs) as response:
            yield ShimResponse(response)
