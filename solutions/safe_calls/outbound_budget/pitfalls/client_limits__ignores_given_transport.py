"""Pitfall: always building a real transport and ignoring the one passed in.

Rejected by: test_a_given_transport_is_used
Why it is wrong: tests (and special deployments: proxies, Unix sockets, mock vendors) can no longer
inject a transport; the "test" then tries to reach the real vendor.
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
    return httpx.AsyncClient(base_url=s.base_url, timeout=build_timeout(s), limits=build_limits(s))
