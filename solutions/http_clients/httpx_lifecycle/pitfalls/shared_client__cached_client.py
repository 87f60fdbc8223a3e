"""Pitfall: creating the client once and keeping it across blocks.

Rejected by: test_a_second_block_gets_a_fresh_client
Why it is wrong: after the first block closes it, httpx refuses to send on it ("client has been closed");
a closed AsyncClient cannot be reopened, so every block needs a fresh one.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_lifecycle.shared_client import *  # the rest is the reference
from solutions.http_clients.httpx_lifecycle.shared_client import UpstreamClient as _Reference


class UpstreamClient(_Reference):
    async def __aenter__(self) -> UpstreamClient:
        if getattr(self, "_cached", None) is None:
            self._cached = httpx.AsyncClient(base_url=self._base_url, **self._client_kwargs)
        self._client = self._cached
        return self
