"""Pitfall: one scalar timeout, httpx.Timeout(30), for every phase.

Rejected by: test_every_timeout_phase_is_explicit
Why it is wrong: a dead host should fail connect in a few seconds, a slow model may legitimately read for
longer, and waiting for a pooled connection is admission, not I/O. One number is wrong for all of them.
"""

from __future__ import annotations

import httpx

from solutions.safe_calls.outbound_budget.client_limits import *  # the rest is the reference
from solutions.safe_calls.outbound_budget.client_limits import VendorClientSettings, build_limits


def build_timeout(s: VendorClientSettings) -> httpx.Timeout:
    return httpx.Timeout(s.read_s)


def make_vendor_client(
    s: VendorClientSettings, *, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    transport = transport or httpx.AsyncHTTPTransport(limits=build_limits(s))
    return httpx.AsyncClient(base_url=s.base_url, timeout=build_timeout(s), transport=transport)
