"""Pitfall: a transport without retries= (hoping the app layer will cover connects).

Rejected by: test_transport_retries_connection_setup_with_backoff
Why it is wrong: a refused or timed-out connect is the one failure that is always safe to re-attempt
at once, for any method, and the transport does it cheaply inside one call.
"""

from __future__ import annotations

from typing import Any

import httpx

from solutions.http_clients.httpx_advanced.retry_layers import *  # the rest is the reference


def connect_retry_transport(
    retries: int, limits: httpx.Limits, **transport_kwargs: Any
) -> httpx.AsyncHTTPTransport:
    return httpx.AsyncHTTPTransport(limits=limits, **transport_kwargs)
