"""Pitfall: trusting the arguments.

Rejected by: test_nonsense_is_rejected
Why it is wrong: `Limits(max_connections=0)` builds a pool that can never connect, and every request then
waits out the pool timeout; a config error should fail at start-up, loudly.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.explicit_limits import *  # the rest is the reference


def make_limits(max_sockets: int, *, idle_fraction: float = 0.25, idle_ttl: float = 5.0) -> httpx.Limits:
    return httpx.Limits(
        max_connections=max_sockets,
        max_keepalive_connections=max(1, int(max_sockets * idle_fraction)),
        keepalive_expiry=idle_ttl,
    )
