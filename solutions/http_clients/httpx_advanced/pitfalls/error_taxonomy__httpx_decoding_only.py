"""Pitfall: expecting bad JSON to raise httpx.DecodingError.

Rejected by: test_constructed_exceptions_get_their_label, test_real_failures_get_their_label
Why it is wrong: `Response.json()` raises `json.JSONDecodeError` (a ValueError), not an httpx error;
DecodingError is only for bodies that cannot be decompressed or decoded. Bad JSON lands in "other".
"""

from __future__ import annotations

import json

from solutions.http_clients.httpx_advanced.error_taxonomy import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.error_taxonomy import Category
from solutions.http_clients.httpx_advanced.error_taxonomy import categorize as _reference


def categorize(exc: BaseException) -> Category:
    if isinstance(exc, json.JSONDecodeError):
        return "other"
    return _reference(exc)
