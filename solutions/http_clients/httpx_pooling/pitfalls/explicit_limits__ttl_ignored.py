"""Pitfall: leaving keepalive_expiry at its usual 5 s whatever idle_ttl says.

Rejected by: test_idle_ttl_is_the_keepalive_expiry
Why it is wrong: the upstream (or a load balancer) may close idle connections sooner than 5 s; reusing
one it already dropped is how "connection reset" errors appear on the first request after a pause.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.explicit_limits import *  # the rest is the reference


def make_limits(max_sockets: int, *, idle_fraction: float = 0.25, idle_ttl: float = 5.0) -> httpx.Limits:
    if max_sockets < 1 or not 0 < idle_fraction <= 1 or idle_ttl < 0:
        raise ValueError("bad limits")
    return httpx.Limits(
        max_connections=max_sockets,
        max_keepalive_connections=max(1, int(max_sockets * idle_fraction)),
        keepalive_expiry=5.0,
    )
