"""Pitfall: text() decodes the bytes as UTF-8 whatever charset the response declares.

Rejected by: test_text_uses_the_declared_charset
Why it is wrong: aiohttp's text() (like httpx's response.text) honours the Content-Type charset; a
Latin-1 answer now raises UnicodeDecodeError (or turns into mojibake) only after the port.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from solutions.http_clients.httpx_migration.shim_session import *  # the rest is the reference
from solutions.http_clients.httpx_migration.shim_session import ShimResponse as _Ref
from solutions.http_clients.httpx_migration.shim_session import ShimSession as _RefSession


class ShimResponse(_Ref):
    async def text(self) -> str:
        return (await self.read()).decode("utf-8")


class ShimSession(_RefSession):
    @asynccontextmanager
    async def get(self, url: str, **kwargs: Any) -> AsyncIterator[_Ref]:
        async with self._client.stream("GET", url, **kwargs) as response:
            yield ShimResponse(response)
