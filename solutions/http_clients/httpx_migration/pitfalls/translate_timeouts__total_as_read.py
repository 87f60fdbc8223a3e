"""Pitfall: mapping aiohttp's total onto httpx's read timeout.

Rejected by: test_total_bounds_the_whole_exchange, test_aiohttp_default_timeout
Why it is wrong: httpx's read budget restarts after every chunk, so a slow trickle never trips it;
the 25 s ceiling on the whole exchange silently disappears and a stuck stream runs for minutes.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_migration.translate_timeouts import *  # the rest is the reference
from solutions.http_clients.httpx_migration.translate_timeouts import AiohttpTimeoutSpec, HttpxTimeoutPlan


def translate(spec: AiohttpTimeoutSpec, *, write: float = 10.0, fallback: float = 30.0) -> HttpxTimeoutPlan:
    if spec == AiohttpTimeoutSpec():
        raise ValueError("nothing to translate")
    read = spec.total if spec.total is not None else spec.sock_read
    connect = spec.sock_connect if spec.sock_connect is not None else spec.connect
    phases = httpx.Timeout(
        connect=connect if connect is not None else fallback,
        read=read if read is not None else fallback,
        write=write,
        pool=spec.connect if spec.connect is not None else fallback,
    )
    return HttpxTimeoutPlan(phases=phases, overall=None)
