"""Pitfall: forgetting the client on exit without closing it.

Rejected by: test_exit_releases_every_socket
Why it is wrong: the pool keeps its sockets open until garbage collection (or forever, if anything still
references the client); in a service that restarts clients this leaks file descriptors.
"""

from __future__ import annotations

from solutions.http_clients.httpx_lifecycle.shared_client import *  # the rest is the reference
from solutions.http_clients.httpx_lifecycle.shared_client import UpstreamClient as _Reference


class UpstreamClient(_Reference):
    async def __aexit__(self, *exc_info: object) -> None:
        self._client = None
