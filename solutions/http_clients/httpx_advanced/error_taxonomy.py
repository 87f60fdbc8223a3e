"""Reference solution: error_taxonomy."""

from __future__ import annotations

import json
from typing import Literal

import httpx

Category = Literal[
    "pool",
    "connect",
    "timeout",
    "network",
    "protocol",
    "status_4xx",
    "status_5xx",
    "decoding",
    "redirects",
    "usage",
    "other",
]

# Order matters: each subclass is tested before the broader class it belongs to.
_BY_CLASS: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], Category], ...] = (
    (httpx.PoolTimeout, "pool"),
    ((httpx.ConnectError, httpx.ConnectTimeout), "connect"),
    (httpx.TimeoutException, "timeout"),
    (httpx.NetworkError, "network"),
    (httpx.ProtocolError, "protocol"),
    ((httpx.DecodingError, json.JSONDecodeError), "decoding"),
    (httpx.TooManyRedirects, "redirects"),
    ((httpx.UnsupportedProtocol, httpx.InvalidURL, httpx.StreamError), "usage"),
)


def categorize(exc: BaseException) -> Category:
    if isinstance(exc, httpx.HTTPStatusError):
        code = exc.response.status_code
        # raise_for_status() also raises for an unfollowed 3xx: that is neither label.
        return "status_4xx" if 400 <= code < 500 else "status_5xx" if 500 <= code < 600 else "other"
    for classes, label in _BY_CLASS:
        if isinstance(exc, classes):
            return label
    return "other"
