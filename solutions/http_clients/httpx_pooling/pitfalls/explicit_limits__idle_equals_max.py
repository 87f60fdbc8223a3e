"""Pitfall: keeping every connection warm (idle cap equal to the total).

Rejected by: test_defaults_for_twenty_sockets, test_only_a_fraction_stays_idle_after_a_burst
Why it is wrong: after a burst the pool holds all its sockets open against the upstream while idle;
max_keepalive_connections is a ceiling for idle connections, so keep only a fraction.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.explicit_limits import *  # the rest is the reference


def make_limits(max_sockets: int, *, idle_fraction: float = 0.25, idle_ttl: float = 5.0) -> httpx.Limits:
    if max_sockets < 1 or not 0 < idle_fraction <= 1 or idle_ttl < 0:
        raise ValueError("bad limits")
    return httpx.Limits(
        max_connections=max_sockets, max_keepalive_connections=max_sockets, keepalive_expiry=idle_ttl
    )
