"""Pitfall: `int(max_sockets * idle_fraction)` without the floor of one.

Rejected by: test_every_field_is_set
Why it is wrong: a small pool rounds down to 0 idle connections, so every request pays a new handshake
even when requests come one after another.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.explicit_limits import *  # the rest is the reference


def make_limits(max_sockets: int, *, idle_fraction: float = 0.25, idle_ttl: float = 5.0) -> httpx.Limits:
    if max_sockets < 1 or not 0 < idle_fraction <= 1 or idle_ttl < 0:
        raise ValueError("bad limits")
    return httpx.Limits(
        max_connections=max_sockets,
        max_keepalive_connections=int(max_sockets * idle_fraction),
        keepalive_expiry=idle_ttl,
    )
