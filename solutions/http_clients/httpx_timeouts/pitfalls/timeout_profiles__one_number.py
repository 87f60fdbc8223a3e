"""Pitfall: one number for every phase (the profile's largest budget).

Rejected by: test_profile_budgets
Why it is wrong: connecting to a dead host should fail in seconds, while reading an LLM answer may take a
minute; one number is either too impatient for reads or far too patient for connects.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_timeouts.timeout_profiles import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.timeout_profiles import _PROFILES, Profile


def timeout_profile(profile: Profile) -> httpx.Timeout:
    if profile not in _PROFILES:
        raise ValueError(f"unknown timeout profile {profile!r}")
    return httpx.Timeout(max(_PROFILES[profile]))
