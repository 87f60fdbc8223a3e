"""Pitfall: pool=None, so waiting for a free connection is unbounded.

Rejected by: test_every_timeout_phase_is_explicit, test_waiting_for_a_connection_times_out
Why it is wrong: when the pool is exhausted, callers queue inside httpx forever instead of failing fast;
the backlog grows until the whole service stalls.
"""

from __future__ import annotations

import httpx

from solutions.safe_calls.outbound_budget.client_limits import *  # the rest is the reference
from solutions.safe_calls.outbound_budget.client_limits import VendorClientSettings, build_limits


def build_timeout(s: VendorClientSettings) -> httpx.Timeout:
    return httpx.Timeout(connect=s.connect_s, read=s.read_s, write=s.write_s, pool=None)


def make_vendor_client(
    s: VendorClientSettings, *, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    transport = transport or httpx.AsyncHTTPTransport(limits=build_limits(s))
    return httpx.AsyncClient(base_url=s.base_url, timeout=build_timeout(s), transport=transport)
