"""Pitfall: treating sock_read as a deadline on the whole response.

Rejected by: test_per_read_budget_lets_a_slow_stream_finish
Why it is wrong: sock_read is per read in aiohttp too (it restarts after each chunk); turning it into an
overall deadline cuts every healthy long stream off at 15 s.
"""

from __future__ import annotations

from solutions.http_clients.httpx_migration.translate_timeouts import *  # the rest is the reference
from solutions.http_clients.httpx_migration.translate_timeouts import AiohttpTimeoutSpec, HttpxTimeoutPlan
from solutions.http_clients.httpx_migration.translate_timeouts import translate as _reference


def translate(spec: AiohttpTimeoutSpec, *, write: float = 10.0, fallback: float = 30.0) -> HttpxTimeoutPlan:
    plan = _reference(spec, write=write, fallback=fallback)
    overall = spec.sock_read if spec.total is None else spec.total
    return HttpxTimeoutPlan(phases=plan.phases, overall=overall)
