"""Pitfall: `httpx.Limits(max_connections=n)` alone.

Rejected by: test_defaults_for_twenty_sockets, test_every_field_is_set, test_only_a_fraction_stays_idle_after_a_burst
Why it is wrong: httpx.Limits' idle cap, max_keepalive_connections, defaults to None, i.e. unbounded:
every connection of a burst stays open while idle (until the 5 s default keepalive_expiry, which is the
only field with a default). Only AsyncClient's *default* limits are 100/20.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.explicit_limits import *  # the rest is the reference


def make_limits(max_sockets: int, *, idle_fraction: float = 0.25, idle_ttl: float = 5.0) -> httpx.Limits:
    if max_sockets < 1 or not 0 < idle_fraction <= 1 or idle_ttl < 0:
        raise ValueError("bad limits")
    return httpx.Limits(max_connections=max_sockets)
