"""Pitfall: leaving the limits off the transport, as if the client's limits= still applied.

Rejected by: test_transport_keeps_its_pool_limits
Why it is wrong: the pool belongs to the transport; with transport= set, AsyncClient silently ignores
limits= (and http2=), so the "2 connections" cap becomes the transport's default of 100.
"""

from __future__ import annotations

from typing import Any

import httpx

from solutions.http_clients.httpx_advanced.retry_layers import *  # the rest is the reference


def connect_retry_transport(
    retries: int, limits: httpx.Limits, **transport_kwargs: Any
) -> httpx.AsyncHTTPTransport:
    return httpx.AsyncHTTPTransport(retries=retries, **transport_kwargs)
