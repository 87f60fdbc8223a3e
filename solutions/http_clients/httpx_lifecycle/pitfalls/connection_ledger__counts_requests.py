"""Pitfall: counting one "connection" per request (on the send_request_headers event).

Rejected by: test_counts_connections_not_requests, test_when_a_new_handshake_happens
Why it is wrong: a reused connection also sends request headers, so the ledger reports a handshake per
request and hides exactly what it should show: whether the pool is reusing connections.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from solutions.http_clients.httpx_lifecycle.connection_ledger import *  # the rest is the reference
from solutions.http_clients.httpx_lifecycle.connection_ledger import ConnectionLedger as _Reference


class ConnectionLedger(_Reference):
    def _tracer(self, origin: str) -> Callable[[str, dict[str, Any]], Awaitable[None]]:
        async def trace(event_name: str, info: dict[str, Any]) -> None:
            if event_name.endswith("send_request_headers.started"):
                self._opened[origin] += 1

        return trace
