"""Pitfall: labelling StreamConsumed, StreamClosed and ResponseNotRead as network trouble.

Rejected by: test_constructed_exceptions_get_their_label, test_real_failures_get_their_label
Why it is wrong: those are mistakes in the calling code (reading a stream twice, after it closed, or
before reading it); no retry and no network fix helps, and they inflate the network error rate.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_advanced.error_taxonomy import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.error_taxonomy import Category
from solutions.http_clients.httpx_advanced.error_taxonomy import categorize as _reference


def categorize(exc: BaseException) -> Category:
    if isinstance(exc, httpx.StreamError):
        return "network"
    return _reference(exc)
