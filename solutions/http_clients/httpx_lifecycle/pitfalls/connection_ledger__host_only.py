"""Pitfall: keying connections by scheme and host, without the port.

Rejected by: test_origin_includes_the_port
Why it is wrong: the pool key is the origin (scheme, host, port); two services on one host are two pools,
and a per-host count merges them and misreads two handshakes as one upstream's churn.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_lifecycle.connection_ledger import *  # the rest is the reference
from solutions.http_clients.httpx_lifecycle.connection_ledger import ConnectionLedger as _Reference


class ConnectionLedger(_Reference):
    async def _on_request(self, request: httpx.Request) -> None:
        self._requests += 1
        request.extensions["trace"] = self._tracer(f"{request.url.scheme}://{request.url.host}")
