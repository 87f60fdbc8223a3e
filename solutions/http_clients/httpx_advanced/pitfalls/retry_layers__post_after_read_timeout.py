"""Pitfall: retrying every timeout and network error whatever the method.

Rejected by: test_should_retry_table
Why it is wrong: after a ReadTimeout the server may already have processed the request; resending a
POST can charge a card twice or create a duplicate order. Only idempotent methods are safe to resend.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_advanced.retry_layers import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.retry_layers import MAYBE_SENT, NEVER_SENT
from solutions.http_clients.httpx_advanced.retry_layers import should_retry as _reference


def should_retry(
    method: str, *, exc: BaseException | None = None, response: httpx.Response | None = None
) -> bool:
    if exc is not None:
        return isinstance(exc, (*NEVER_SENT, *MAYBE_SENT))
    return _reference(method, response=response)
