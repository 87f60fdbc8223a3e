"""Exercise 1 of httpx_timeouts: phase budgets per workload, and per-request overrides.

Brief: katas/http_clients/httpx_timeouts/README.md. Run: `kata run timeout_profiles`.
"""

from __future__ import annotations

from typing import Literal

import httpx

Profile = Literal["api", "llm", "upload", "stream"]


def timeout_profile(profile: Profile) -> httpx.Timeout:
    """The phase budgets (seconds) for a workload, as in the brief's table; every phase finite:

    profile   connect  read  write  pool
    api          5      10     5     5
    llm          5      60    10     5
    upload       5      30   120    10
    stream       5      30    10     5

    An unknown profile raises ValueError.
    """
    raise NotImplementedError


def override(base: httpx.Timeout, **phases: float) -> httpx.Timeout:
    """A new Timeout equal to `base` except for the phases named (connect, read, write, pool).

    `base` is left untouched. Any other name raises ValueError (there is no "total" in httpx).
    """
    raise NotImplementedError
