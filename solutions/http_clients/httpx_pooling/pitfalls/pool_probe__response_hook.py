"""Pitfall: stopping the timer in a response hook.

Rejected by: test_queued_requests_wait_for_the_only_connection
Why it is wrong: that measures the whole latency (pool wait + send + server time + first byte), so a slow
upstream looks like an undersized pool; the pool wait ends when the request gets a connection.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.pool_probe import *  # the rest is the reference
from solutions.http_clients.httpx_pooling.pool_probe import PoolProbe as _Reference
from solutions.http_clients.httpx_pooling.pool_probe import PoolStats


class PoolProbe(_Reference):
    def install(self, client: httpx.AsyncClient) -> None:
        super().install(client)
        client.event_hooks["response"].append(self._on_response)

    async def _on_request(self, request: httpx.Request) -> None:
        await super()._on_request(request)
        request.extensions["probe_index"] = len(self._waits) - 1
        request.extensions["probe_start"] = self._clock()

    async def _on_response(self, response: httpx.Response) -> None:
        extensions = response.request.extensions
        self._waits[extensions["probe_index"]] = self._clock() - extensions["probe_start"]

    def snapshot(self) -> PoolStats:
        return PoolStats(len(self._waits), self._opened, tuple(w for w in self._waits if w is not None))
