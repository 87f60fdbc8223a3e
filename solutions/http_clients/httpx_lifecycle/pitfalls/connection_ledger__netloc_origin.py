"""Pitfall: the origin key is built from url.netloc, which drops a default port (80, 443).

Rejected by: test_default_ports_are_written
Why it is wrong: 'https://api.example.com' and 'https://api.example.com:443' are one pool key, but the
ledger would report them as two origins, and a dashboard joining on 'scheme://host:port' misses them.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_lifecycle.connection_ledger import *
from solutions.http_clients.httpx_lifecycle.connection_ledger import ConnectionLedger as _Ref


class ConnectionLedger(_Ref):
    async def _on_request(self, request: httpx.Request) -> None:
        self._requests += 1
        url = request.url
        request.extensions["trace"] = self._tracer(f"{url.scheme}://{url.netloc.decode()}")
