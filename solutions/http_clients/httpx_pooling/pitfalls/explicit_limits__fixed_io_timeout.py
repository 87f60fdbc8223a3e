"""Pitfall: connect/read/write get a hard-coded 10 s; io_timeout is ignored.

Rejected by: test_every_phase_has_a_finite_budget
Why it is wrong: the budget the caller chose never reaches the client; a tighter io_timeout (for an
upstream with a 2 s SLO) silently stays at 10 s, and a slow upstream holds pooled sockets 5x longer.
"""

from __future__ import annotations

from typing import Any

import httpx

from solutions.http_clients.httpx_pooling.explicit_limits import *  # the rest is the reference


def make_pool_client(
    base_url: str, limits: httpx.Limits, *, pool_wait: float, io_timeout: float = 10.0, **client_kwargs: Any
) -> httpx.AsyncClient:
    timeout = httpx.Timeout(10.0, pool=pool_wait)
    return httpx.AsyncClient(base_url=base_url, limits=limits, timeout=timeout, **client_kwargs)
