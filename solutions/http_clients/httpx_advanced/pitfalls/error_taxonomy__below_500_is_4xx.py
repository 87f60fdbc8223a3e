"""Pitfall: any HTTPStatusError below 500 is labelled "status_4xx".

Rejected by: test_status_errors_are_labelled_by_class_of_code
Why it is wrong: raise_for_status() raises for an unfollowed 3xx redirect too; counting a 302 as a 4xx
tells the dashboard our requests are malformed when the upstream merely moved (follow_redirects is off).
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_advanced.error_taxonomy import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.error_taxonomy import Category
from solutions.http_clients.httpx_advanced.error_taxonomy import categorize as _reference


def categorize(exc: BaseException) -> Category:
    if isinstance(exc, httpx.HTTPStatusError):
        return "status_5xx" if exc.response.status_code >= 500 else "status_4xx"
    return _reference(exc)
