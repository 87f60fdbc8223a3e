"""Pitfall: a plain (sync) trace callback on an AsyncClient.

Rejected by: test_counts_connections_not_requests
Why it is wrong: AsyncClient awaits the trace callback; a sync one returns None and every request fails
with TypeError ("object NoneType can't be used in 'await' expression"). Use `async def`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from solutions.http_clients.httpx_lifecycle.connection_ledger import *  # the rest is the reference
from solutions.http_clients.httpx_lifecycle.connection_ledger import CONNECTED
from solutions.http_clients.httpx_lifecycle.connection_ledger import ConnectionLedger as _Reference


class ConnectionLedger(_Reference):
    def _tracer(self, origin: str) -> Callable[[str, dict[str, Any]], Any]:
        def trace(event_name: str, info: dict[str, Any]) -> None:
            if event_name == CONNECTED:
                self._opened[origin] += 1

        return trace
