"""Pitfall: building httpx.Timeout from only the fields that were set (the note's Timeout(connect=5, read=30)).

Rejected by: test_sock_read_alone
Why it is wrong: httpx 0.28 raises ValueError ("must either include a default, or set all four
parameters explicitly"): the service fails at start-up. Give a default or all four keywords.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_migration.translate_timeouts import *  # the rest is the reference
from solutions.http_clients.httpx_migration.translate_timeouts import AiohttpTimeoutSpec, HttpxTimeoutPlan


def translate(spec: AiohttpTimeoutSpec, *, write: float = 10.0, fallback: float = 30.0) -> HttpxTimeoutPlan:
    if spec == AiohttpTimeoutSpec():
        raise ValueError("nothing to translate")
    phases: dict[str, float] = {"write": min(write, spec.total) if spec.total is not None else write}
    if spec.sock_read is not None:
        phases["read"] = spec.sock_read
    connect = spec.sock_connect if spec.sock_connect is not None else spec.connect
    if connect is not None:
        phases["connect"] = connect
    if spec.connect is not None:
        phases["pool"] = spec.connect
    if spec.total is not None:
        return HttpxTimeoutPlan(phases=httpx.Timeout(spec.total, **phases), overall=spec.total)
    return HttpxTimeoutPlan(phases=httpx.Timeout(**phases), overall=None)
