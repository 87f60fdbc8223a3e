"""Pitfall: a warm-up request in __aenter__ "to open the connection early".

Rejected by: test_entering_opens_no_connection
Why it is wrong: httpx connects lazily on the first real request; a warm-up call adds a round trip to
start-up, and fails start-up when the upstream is briefly down, for a connection the pool may drop anyway.
"""

from __future__ import annotations

from solutions.http_clients.httpx_lifecycle.shared_client import *  # the rest is the reference
from solutions.http_clients.httpx_lifecycle.shared_client import UpstreamClient as _Reference


class UpstreamClient(_Reference):
    async def __aenter__(self) -> UpstreamClient:
        await super().__aenter__()
        await self.client.get("/")
        return self
