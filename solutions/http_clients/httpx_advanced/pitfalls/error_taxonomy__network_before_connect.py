"""Pitfall: testing the broad NetworkError before ConnectError.

Rejected by: test_constructed_exceptions_get_their_label, test_real_failures_get_their_label
Why it is wrong: ConnectError is a NetworkError, so "could not reach the host" (DNS, refused, no route)
is reported as "the connection broke mid-exchange"; the on-call engineer looks at the wrong layer.
"""

from __future__ import annotations

import json

import httpx

from solutions.http_clients.httpx_advanced.error_taxonomy import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.error_taxonomy import Category


def categorize(exc: BaseException) -> Category:
    if isinstance(exc, httpx.HTTPStatusError):
        return "status_5xx" if exc.response.status_code >= 500 else "status_4xx"
    if isinstance(exc, httpx.PoolTimeout):
        return "pool"
    if isinstance(exc, httpx.NetworkError):
        return "network"
    if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout)):
        return "connect"
    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    if isinstance(exc, httpx.ProtocolError):
        return "protocol"
    if isinstance(exc, (httpx.DecodingError, json.JSONDecodeError)):
        return "decoding"
    if isinstance(exc, httpx.TooManyRedirects):
        return "redirects"
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL, httpx.StreamError)):
        return "usage"
    return "other"
