"""Pitfall: installing by assigning client.event_hooks.

Rejected by: test_install_keeps_existing_hooks
Why it is wrong: the assignment drops every hook the client already had (auth, tenant headers, logging);
instrumentation must add itself next to them.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_lifecycle.connection_ledger import *  # the rest is the reference
from solutions.http_clients.httpx_lifecycle.connection_ledger import ConnectionLedger as _Reference


class ConnectionLedger(_Reference):
    def install(self, client: httpx.AsyncClient) -> None:
        client.event_hooks = {"request": [self._on_request], "response": []}
