"""Pitfall: the idempotent methods are taken to be GET, PUT and DELETE only, and 504 is not retried.

Rejected by: test_should_retry_table
Why it is wrong: HEAD, OPTIONS and TRACE are idempotent too (RFC 9110 §9.2.2): a health-check HEAD that
timed out is as safe to resend as a GET; and a 504 (the gateway gave up waiting) is as transient as a 502.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_advanced.retry_layers import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.retry_layers import MAYBE_SENT, NEVER_SENT


def should_retry(
    method: str, *, exc: BaseException | None = None, response: httpx.Response | None = None
) -> bool:
    if isinstance(exc, NEVER_SENT):
        return True
    idempotent = method.upper() in {"GET", "PUT", "DELETE"}
    if exc is not None:
        return idempotent and isinstance(exc, MAYBE_SENT)
    return idempotent and response is not None and response.status_code in {429, 502, 503}
