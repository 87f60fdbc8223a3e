"""Reference solution: shared_client."""

from __future__ import annotations

from typing import Any

import httpx


class UpstreamClient:
    def __init__(self, base_url: str, **client_kwargs: Any) -> None:
        self._base_url = base_url
        self._client_kwargs = client_kwargs
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> UpstreamClient:
        self._client = httpx.AsyncClient(base_url=self._base_url, **self._client_kwargs)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            raise LookupError("UpstreamClient is only usable inside `async with`")
        return self._client

    async def get_json(self, path: str) -> Any:
        response = await self.client.get(path)
        response.raise_for_status()
        return response.json()
