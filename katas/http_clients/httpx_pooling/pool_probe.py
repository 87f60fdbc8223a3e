"""Exercise 4 of httpx_pooling: measure how long each request waited for a pooled connection.

Brief: katas/http_clients/httpx_pooling/README.md. Run: `kata run pool_probe`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class PoolStats:
    """What a PoolProbe saw so far."""

    requests: int  # requests sent through installed clients
    connections_opened: int  # new TCP connections ("connection.connect_tcp.complete" events)
    pool_waits: tuple[
        float, ...
    ]  # per request, in the order requests started: seconds until it got a connection


class PoolProbe:
    """Instruments AsyncClients to measure pool health: requests, new connections, and pool waits."""

    def __init__(self, clock: Callable[[], float]) -> None:
        """Take every timestamp from the injected monotonic `clock` (seconds), never from the real time."""
        raise NotImplementedError

    def install(self, client: httpx.AsyncClient) -> None:
        """Append (never replace) a request hook that records when the request started and attaches an async
        trace callback (`request.extensions["trace"]`) to it.

        A request's pool wait runs from its hook to the moment it starts sending its headers, which only
        happens once it holds a connection: the first trace event whose name ends in
        ".send_request_headers.started" ("http11.send_request_headers.started" over HTTP/1.1,
        "http2.send_request_headers.started" over HTTP/2).
        """
        raise NotImplementedError

    def snapshot(self) -> PoolStats:
        """The counts so far, and the pool waits of the requests that have got a connection, in the order
        the requests started."""
        raise NotImplementedError
