"""Pitfall: `read=None` for streams, "because a stream may run for a long time".

Rejected by: test_every_phase_is_finite
Why it is wrong: the read budget is per chunk, not per stream, so a finite one never cuts a healthy
stream short; None only removes the protection against a server that goes silent.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_timeouts.timeout_profiles import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.timeout_profiles import Profile
from solutions.http_clients.httpx_timeouts.timeout_profiles import timeout_profile as _reference


def timeout_profile(profile: Profile) -> httpx.Timeout:
    budgets = _reference(profile)
    if profile == "stream":
        return httpx.Timeout(connect=budgets.connect, read=None, write=budgets.write, pool=budgets.pool)
    return budgets
