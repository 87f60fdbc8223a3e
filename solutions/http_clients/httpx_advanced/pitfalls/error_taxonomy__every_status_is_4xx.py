"""Pitfall: one "status" label for every HTTPStatusError (here: all of them counted as 4xx).

Rejected by: test_status_errors_are_labelled_by_class_of_code
Why it is wrong: a 4xx says our request was wrong, a 5xx that the upstream failed; alerts and retry
decisions need them apart, so read `exc.response.status_code`.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_advanced.error_taxonomy import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.error_taxonomy import Category
from solutions.http_clients.httpx_advanced.error_taxonomy import categorize as _reference


def categorize(exc: BaseException) -> Category:
    if isinstance(exc, httpx.HTTPStatusError):
        return "status_4xx"
    return _reference(exc)
