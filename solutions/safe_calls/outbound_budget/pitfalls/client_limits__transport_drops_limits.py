"""Pitfall: passing both transport=AsyncHTTPTransport() and limits= to the client.

Rejected by: test_max_connections_caps_requests_in_flight
Why it is wrong: httpx applies limits= only to the transport it builds itself; with transport= given,
limits= is silently ignored and the pool falls back to the transport's own defaults (100 connections).
"""

from __future__ import annotations

import httpx

from solutions.safe_calls.outbound_budget.client_limits import *  # the rest is the reference
from solutions.safe_calls.outbound_budget.client_limits import (
    VendorClientSettings,
    build_limits,
    build_timeout,
)


def make_vendor_client(
    s: VendorClientSettings, *, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=s.base_url,
        timeout=build_timeout(s),
        limits=build_limits(s),
        transport=transport or httpx.AsyncHTTPTransport(),
    )
