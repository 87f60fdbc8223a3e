"""Pitfall: httpx.Limits(max_connections=None), an unbounded pool "to avoid PoolTimeout".

Rejected by: test_limits_come_from_the_settings, test_max_connections_caps_requests_in_flight
Why it is wrong: the pool is the physical ceiling on concurrent requests to the vendor; without it a burst
opens as many sockets as there are callers, and the vendor answers with 429s or resets.
"""

from __future__ import annotations

import httpx

from solutions.safe_calls.outbound_budget.client_limits import *  # the rest is the reference
from solutions.safe_calls.outbound_budget.client_limits import VendorClientSettings, build_timeout


def build_limits(s: VendorClientSettings) -> httpx.Limits:
    return httpx.Limits(max_connections=None, max_keepalive_connections=s.max_keepalive)


def make_vendor_client(
    s: VendorClientSettings, *, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    transport = transport or httpx.AsyncHTTPTransport(limits=build_limits(s))
    return httpx.AsyncClient(base_url=s.base_url, timeout=build_timeout(s), transport=transport)
