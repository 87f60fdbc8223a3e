"""Exercise 2 of outbound_budget: one vendor client with explicit pool limits and per-phase timeouts.

Brief: katas/safe_calls/outbound_budget/README.md. Run: `kata run client_limits`.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class VendorClientSettings:
    """Explicit pool and per-phase timeout settings for one vendor (seconds for the *_s fields)."""

    base_url: str
    max_connections: int = 50
    max_keepalive: int = 20
    connect_s: float = 5.0
    read_s: float = 30.0
    write_s: float = 10.0
    pool_s: float = 5.0


def build_limits(s: VendorClientSettings) -> httpx.Limits:
    """Pool limits from the settings: max_connections and max_keepalive_connections, both set."""
    raise NotImplementedError


def build_timeout(s: VendorClientSettings) -> httpx.Timeout:
    """All four phases (connect, read, write, pool) set explicitly from the settings; none is None."""
    raise NotImplementedError


def make_vendor_client(
    s: VendorClientSettings, *, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """The shared AsyncClient for this vendor: base_url, build_timeout(s), and pool limits that really
    apply. With `transport` given (a test double), send every request through it.
    """
    raise NotImplementedError
