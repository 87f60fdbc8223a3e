"""Pitfall: each request's wait starts as 0.0 and is overwritten when it gets a connection.

Rejected by: test_snapshot_lists_only_finished_waits
Why it is wrong: a snapshot taken while requests are still queued reports them as "waited 0 s", exactly
when the pool is saturated; the dashboard shows a healthy pool during the incident.
"""

from __future__ import annotations

from typing import Any

import httpx

from solutions.http_clients.httpx_pooling.pool_probe import *  # the rest is the reference
from solutions.http_clients.httpx_pooling.pool_probe import PoolProbe as _Ref
from solutions.http_clients.httpx_pooling.pool_probe import PoolStats


class PoolProbe(_Ref):
    async def _on_request(self, request: httpx.Request) -> None:
        index, started = len(self._waits), self._clock()
        self._waits.append(0.0)
        done = False

        async def trace(event_name: str, info: dict[str, Any]) -> None:
            nonlocal done
            if event_name == "connection.connect_tcp.complete":
                self._opened += 1
            elif event_name.endswith(".send_request_headers.started") and not done:
                done = True
                self._waits[index] = self._clock() - started

        request.extensions["trace"] = trace

    def snapshot(self) -> PoolStats:
        return PoolStats(len(self._waits), self._opened, tuple(w for w in self._waits if w is not None))
