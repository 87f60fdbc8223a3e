"""Pitfall: a home-made transport that re-sends the request on any transport error.

Rejected by: test_transport_does_not_retry_once_connected
Why it is wrong: below the client nobody knows whether the server acted on the request; a dropped
connection after the request was sent gets the same POST processed again, invisibly.
"""

from __future__ import annotations

from typing import Any

import httpx

from solutions.http_clients.httpx_advanced.retry_layers import *  # the rest is the reference


class _RetryEverything(httpx.AsyncHTTPTransport):
    def __init__(self, retries: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._retries = retries

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        for _ in range(self._retries):
            try:
                return await super().handle_async_request(request)
            except httpx.TransportError:
                pass
        return await super().handle_async_request(request)


def connect_retry_transport(
    retries: int, limits: httpx.Limits, **transport_kwargs: Any
) -> httpx.AsyncHTTPTransport:
    return _RetryEverything(retries, limits=limits, **transport_kwargs)
