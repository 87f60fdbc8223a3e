"""Pitfall: the live client is kept on the class, so every UpstreamClient shares one slot.

Rejected by: test_two_upstreams_at_once_are_independent
Why it is wrong: two upstreams open at once share one slot: the second overwrites the first
(requests go to the wrong base_url) and closing either one breaks the other.
"""

from typing import Any

import httpx


class UpstreamClient:
    _client: httpx.AsyncClient | None = None

    def __init__(self, base_url: str, **client_kwargs: Any) -> None:
        self._base_url = base_url
        self._client_kwargs = client_kwargs

    async def __aenter__(self) -> "UpstreamClient":
        UpstreamClient._client = httpx.AsyncClient(base_url=self._base_url, **self._client_kwargs)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        client, UpstreamClient._client = UpstreamClient._client, None
        if client is not None:
            await client.aclose()

    @property
    def client(self) -> httpx.AsyncClient:
        if UpstreamClient._client is None:
            raise LookupError("outside the block")
        return UpstreamClient._client

    async def get_json(self, path: str) -> Any:
        response = await self.client.get(path)
        response.raise_for_status()
        return response.json()
