"""Pitfall: installing by assigning client.event_hooks.

Rejected by: test_install_keeps_existing_hooks
Why it is wrong: monitoring must not change behaviour; the assignment drops the client's own hooks
(auth, tenant headers, logging).
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.pool_probe import *  # the rest is the reference
from solutions.http_clients.httpx_pooling.pool_probe import PoolProbe as _Reference


class PoolProbe(_Reference):
    def install(self, client: httpx.AsyncClient) -> None:
        client.event_hooks = {"request": [self._on_request], "response": []}
