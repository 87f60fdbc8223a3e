"""Pitfall: `httpx.Timeout(connect=..., read=...)` with neither a default nor all four phases.

Rejected by: test_profile_budgets
Why it is wrong: httpx raises ValueError ("httpx.Timeout must either include a default, or set all four
parameters explicitly"); the note presents exactly this form as the fix.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_timeouts.timeout_profiles import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.timeout_profiles import _PROFILES, Profile


def timeout_profile(profile: Profile) -> httpx.Timeout:
    if profile not in _PROFILES:
        raise ValueError(f"unknown timeout profile {profile!r}")
    connect, read, _, _ = _PROFILES[profile]
    return httpx.Timeout(connect=connect, read=read)
