"""Exercise 1 of httpx_advanced: turn any httpx failure into one metric label, most specific class first.

Brief: katas/http_clients/httpx_advanced/README.md. Run: `kata run error_taxonomy`.
"""

from __future__ import annotations

from typing import Literal

Category = Literal[
    "pool",  # PoolTimeout: no connection came free in time (our side is saturated)
    "connect",  # ConnectError, ConnectTimeout: could not reach the server (DNS, refused, unroutable)
    "timeout",  # ReadTimeout, WriteTimeout: connected, then the server or the network went slow
    "network",  # ReadError, WriteError, CloseError: the connection broke
    "protocol",  # RemoteProtocolError, LocalProtocolError: the bytes on the wire were not valid HTTP
    "status_4xx",  # HTTPStatusError with a 4xx answer
    "status_5xx",  # HTTPStatusError with a 5xx answer
    "decoding",  # httpx.DecodingError (a body that cannot be decompressed) and json.JSONDecodeError
    "redirects",  # TooManyRedirects
    "usage",  # UnsupportedProtocol, InvalidURL, StreamError and its children: a bug in the calling code
    "other",  # anything else
]


def categorize(exc: BaseException) -> Category:
    """The metric label for an exception raised while making an HTTP call with httpx.

    Most specific class first: ConnectError is a NetworkError and ConnectTimeout a TimeoutException,
    yet both are "connect"; PoolTimeout is a TimeoutException too, yet it is "pool". Status errors are
    labelled by the class of their code (4xx or 5xx); raise_for_status() also raises for a 3xx redirect
    that was not followed, and that one is "other". `Response.json()` raises `json.JSONDecodeError`
    (a ValueError), not an httpx error: it is "decoding" too, but only that class: any other ValueError
    (an `int("abc")` in our own code) is "other". StreamError and its children
    (StreamConsumed, StreamClosed, ResponseNotRead, ...) and InvalidURL sit outside the transport
    errors: they are "usage". Anything not listed in `Category` is "other".
    """
    raise NotImplementedError
