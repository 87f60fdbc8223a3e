"""Pitfall: one branch for every httpx.TimeoutException, checked first.

Rejected by: test_constructed_exceptions_get_their_label, test_real_failures_get_their_label
Why it is wrong: PoolTimeout means our own pool is saturated (no upstream was even contacted) and
ConnectTimeout that the host is unreachable; lumping them with read timeouts hides both causes.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_advanced.error_taxonomy import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.error_taxonomy import Category
from solutions.http_clients.httpx_advanced.error_taxonomy import categorize as _reference


def categorize(exc: BaseException) -> Category:
    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    return _reference(exc)
