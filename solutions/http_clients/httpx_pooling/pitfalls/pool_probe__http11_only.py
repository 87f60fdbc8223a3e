"""Pitfall: matching only "http11.send_request_headers.started".

Rejected by: test_http2_streams_share_one_connection_without_waiting
Why it is wrong: over HTTP/2 the event is "http2.send_request_headers.started"; the probe silently records
no waits at all for an HTTP/2 client, exactly where pool behaviour differs most.
"""

from __future__ import annotations

from typing import Any

import httpx

from solutions.http_clients.httpx_pooling.pool_probe import *  # the rest is the reference
from solutions.http_clients.httpx_pooling.pool_probe import PoolProbe as _Reference


class PoolProbe(_Reference):
    async def _on_request(self, request: httpx.Request) -> None:
        index, started = len(self._waits), self._clock()
        self._waits.append(None)

        async def trace(event_name: str, info: dict[str, Any]) -> None:
            if event_name == "connection.connect_tcp.complete":
                self._opened += 1
            elif event_name == "http11.send_request_headers.started" and self._waits[index] is None:
                self._waits[index] = self._clock() - started

        request.extensions["trace"] = trace
