"""Reference solution: client_limits."""

from __future__ import annotations

from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class VendorClientSettings:
    base_url: str
    max_connections: int = 50
    max_keepalive: int = 20
    connect_s: float = 5.0
    read_s: float = 30.0
    write_s: float = 10.0
    pool_s: float = 5.0


def build_limits(s: VendorClientSettings) -> httpx.Limits:
    return httpx.Limits(max_connections=s.max_connections, max_keepalive_connections=s.max_keepalive)


def build_timeout(s: VendorClientSettings) -> httpx.Timeout:
    return httpx.Timeout(connect=s.connect_s, read=s.read_s, write=s.write_s, pool=s.pool_s)


def make_vendor_client(
    s: VendorClientSettings, *, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    # limits= only takes effect when the client builds its own transport; a given transport keeps its own.
    if transport is None:
        transport = httpx.AsyncHTTPTransport(limits=build_limits(s))
    return httpx.AsyncClient(base_url=s.base_url, timeout=build_timeout(s), transport=transport)
