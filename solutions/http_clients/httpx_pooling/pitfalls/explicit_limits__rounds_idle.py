"""Pitfall: the idle cap is round(max_sockets * idle_fraction) instead of its floor.

Rejected by: test_every_field_is_set
Why it is wrong: the idle cap is a ceiling on sockets held open for nothing; rounding up keeps one more
idle connection than asked (7 x 0.4 = 2.8 keeps 3, not 2), on every client of every replica.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.explicit_limits import *  # the rest is the reference


def make_limits(max_sockets: int, *, idle_fraction: float = 0.25, idle_ttl: float = 5.0) -> httpx.Limits:
    if max_sockets < 1 or not 0 < idle_fraction <= 1 or idle_ttl < 0:
        raise ValueError("bad limits")
    return httpx.Limits(
        max_connections=max_sockets,
        max_keepalive_connections=max(1, round(max_sockets * idle_fraction)),
        keepalive_expiry=idle_ttl,
    )
