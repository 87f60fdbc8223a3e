"""Pitfall: silently dropping phase names httpx does not have.

Rejected by: test_override_rejects_unknown_phases
Why it is wrong: `override(api, total=3)` then returns the api budgets unchanged and the caller believes
the exchange is bounded to 3 s; httpx has no total, which needs asyncio.timeout.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_timeouts.timeout_profiles import *  # the rest is the reference
from solutions.http_clients.httpx_timeouts.timeout_profiles import _PHASES


def override(base: httpx.Timeout, **phases: float) -> httpx.Timeout:
    known = {name: value for name, value in phases.items() if name in _PHASES}
    return httpx.Timeout(**{**base.as_dict(), **known})
