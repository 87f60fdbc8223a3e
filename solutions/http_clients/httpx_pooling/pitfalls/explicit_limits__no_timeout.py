"""Pitfall: `timeout=None` "so that slow calls are never cut off", with only the pool bounded separately.

Rejected by: test_every_phase_has_a_finite_budget
Why it is wrong: with no budget a stalled upstream holds the caller (and its pooled connection) forever;
the pool then empties and everybody else times out instead.
"""

from __future__ import annotations

from typing import Any

import httpx

from solutions.http_clients.httpx_pooling.explicit_limits import *  # the rest is the reference


def make_pool_client(
    base_url: str, limits: httpx.Limits, *, pool_wait: float, io_timeout: float = 10.0, **client_kwargs: Any
) -> httpx.AsyncClient:
    timeout = httpx.Timeout(None, pool=pool_wait)
    return httpx.AsyncClient(base_url=base_url, limits=limits, timeout=timeout, **client_kwargs)
