"""Pitfall: write is always the given write budget, even when total is shorter.

Rejected by: test_a_short_total_caps_every_phase
Why it is wrong: under aiohttp, total=5 bounded the upload as well; a 10 s write phase now outlives the
whole budget the caller set, so a stuck upload holds its connection twice as long as before the port.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_migration.translate_timeouts import *  # the rest is the reference
from solutions.http_clients.httpx_migration.translate_timeouts import AiohttpTimeoutSpec, HttpxTimeoutPlan


def translate(spec: AiohttpTimeoutSpec, *, write: float = 10.0, fallback: float = 30.0) -> HttpxTimeoutPlan:
    if spec == AiohttpTimeoutSpec():
        raise ValueError("nothing to translate")
    unset = spec.total if spec.total is not None else fallback

    def pick(*candidates: float | None) -> float:
        return next((c for c in candidates if c is not None), unset)

    phases = httpx.Timeout(
        connect=pick(spec.sock_connect, spec.connect),
        read=pick(spec.sock_read),
        write=write,
        pool=pick(spec.connect),
    )
    return HttpxTimeoutPlan(phases=phases, overall=spec.total)
