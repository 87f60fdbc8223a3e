"""Pitfall: `httpx.Timeout(pool=pool_wait)` with no default.

Rejected by: test_every_phase_has_a_finite_budget
Why it is wrong: httpx.Timeout needs a default or all four phases; this raises ValueError ("must either
include a default, or set all four parameters explicitly") when the client is built.
"""

from __future__ import annotations

from typing import Any

import httpx

from solutions.http_clients.httpx_pooling.explicit_limits import *  # the rest is the reference


def make_pool_client(
    base_url: str, limits: httpx.Limits, *, pool_wait: float, io_timeout: float = 10.0, **client_kwargs: Any
) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base_url, limits=limits, timeout=httpx.Timeout(pool=pool_wait), **client_kwargs
    )
