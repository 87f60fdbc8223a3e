"""Pitfall: unset phases get a hard-coded 30 s (and write a hard-coded 10 s); the keyword arguments are ignored.

Rejected by: test_fallback_and_write_are_the_callers
Why it is wrong: the caller's budgets never arrive; a service that passes fallback=12 for a tight SLO
still waits 30 s to connect, and nothing in the configuration shows why.
"""

from __future__ import annotations

from solutions.http_clients.httpx_migration.translate_timeouts import *  # the rest is the reference
from solutions.http_clients.httpx_migration.translate_timeouts import AiohttpTimeoutSpec, HttpxTimeoutPlan
from solutions.http_clients.httpx_migration.translate_timeouts import translate as _reference


def translate(spec: AiohttpTimeoutSpec, *, write: float = 10.0, fallback: float = 30.0) -> HttpxTimeoutPlan:
    return _reference(spec)
