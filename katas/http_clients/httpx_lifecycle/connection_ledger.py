"""Exercise 2 of httpx_lifecycle: count requests, and the TCP connections behind them, per origin.

Brief: katas/http_clients/httpx_lifecycle/README.md. Run: `kata run connection_ledger`.
"""

from __future__ import annotations

import httpx

#: The trace event httpx (httpcore) emits once a new TCP connection is established.
CONNECTED = "connection.connect_tcp.complete"


class ConnectionLedger:
    """Keeps score of what installed clients send: requests, and new TCP connections per origin."""

    def __init__(self) -> None:
        """Start with no requests and no connections recorded."""
        raise NotImplementedError

    def install(self, client: httpx.AsyncClient) -> None:
        """Add (never replace: the client may already have hooks) a request event hook that counts the
        request and attaches this ledger's async trace callback to it (`request.extensions["trace"]`).

        The trace callback is awaited by httpx as `await trace(event_name, info)` for every
        connection-level event; a new TCP connection shows up as the CONNECTED event.
        """
        raise NotImplementedError

    @property
    def requests(self) -> int:
        """Requests sent through installed clients."""
        raise NotImplementedError

    @property
    def opened(self) -> dict[str, int]:
        """'scheme://host:port' (port always written, e.g. 'http://127.0.0.1:8080') -> the number of TCP
        connections completed to that origin. Origins with no connection are absent."""
        raise NotImplementedError

    def reuse_ratio(self) -> float:
        """The share of requests that needed no new connection: 1 - connections / requests
        (1.0 when nothing was sent yet)."""
        raise NotImplementedError
