"""Reference solution: timeout_profiles."""

from __future__ import annotations

from typing import Literal

import httpx

Profile = Literal["api", "llm", "upload", "stream"]

_PHASES = ("connect", "read", "write", "pool")
_PROFILES: dict[str, tuple[float, float, float, float]] = {
    "api": (5.0, 10.0, 5.0, 5.0),
    "llm": (5.0, 60.0, 10.0, 5.0),
    "upload": (5.0, 30.0, 120.0, 10.0),
    "stream": (5.0, 30.0, 10.0, 5.0),
}


def timeout_profile(profile: Profile) -> httpx.Timeout:
    if profile not in _PROFILES:
        raise ValueError(f"unknown timeout profile {profile!r}")
    return httpx.Timeout(**dict(zip(_PHASES, _PROFILES[profile], strict=True)))


def override(base: httpx.Timeout, **phases: float) -> httpx.Timeout:
    unknown = set(phases) - set(_PHASES)
    if unknown:
        raise ValueError(f"not httpx timeout phases: {sorted(unknown)}; use {_PHASES}")
    return httpx.Timeout(**{**base.as_dict(), **phases})
