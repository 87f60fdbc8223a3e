"""Pitfall: mapping aiohttp's connect onto httpx's connect phase only.

Rejected by: test_connect_covers_the_pool_wait
Why it is wrong: aiohttp's connect also bounds the wait for a free pooled connection; without a pool
budget, a saturated pool makes requests queue far longer than the 2 s the old code allowed.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_migration.translate_timeouts import *  # the rest is the reference
from solutions.http_clients.httpx_migration.translate_timeouts import AiohttpTimeoutSpec, HttpxTimeoutPlan


def translate(spec: AiohttpTimeoutSpec, *, write: float = 10.0, fallback: float = 30.0) -> HttpxTimeoutPlan:
    if spec == AiohttpTimeoutSpec():
        raise ValueError("nothing to translate")
    unset = spec.total if spec.total is not None else fallback
    connect = spec.connect if spec.connect is not None else spec.sock_connect
    phases = httpx.Timeout(
        connect=connect if connect is not None else unset,
        read=spec.sock_read if spec.sock_read is not None else unset,
        write=min(write, spec.total) if spec.total is not None else write,
        pool=unset,
    )
    return HttpxTimeoutPlan(phases=phases, overall=spec.total)
