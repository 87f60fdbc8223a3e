"""Pitfall: assigning the new budgets to the base Timeout and returning it.

Rejected by: test_override_changes_only_the_named_phase
Why it is wrong: profiles are shared by every caller (and often by the client); one request's override
silently changes every later request's budgets.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_timeouts.timeout_profiles import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.timeout_profiles import _PHASES


def override(base: httpx.Timeout, **phases: float) -> httpx.Timeout:
    if set(phases) - set(_PHASES):
        raise ValueError("unknown phase")
    for name, value in phases.items():
        setattr(base, name, value)
    return base
