"""Pitfall: a new AsyncClient inside every call.

Rejected by: test_sequential_calls_share_one_connection
Why it is wrong: each call opens (and closes) its own TCP connection, paying DNS + TCP (+ TLS) every time;
the pool that makes keep-alive possible lives only as long as the client.
"""

from __future__ import annotations

from typing import Any

import httpx

from solutions.http_clients.httpx_lifecycle.shared_client import *  # the rest is the reference
from solutions.http_clients.httpx_lifecycle.shared_client import UpstreamClient as _Reference


class UpstreamClient(_Reference):
    async def get_json(self, path: str) -> Any:
        async with httpx.AsyncClient(base_url=self._base_url, **self._client_kwargs) as client:
            response = await client.get(path)
        response.raise_for_status()
        return response.json()
