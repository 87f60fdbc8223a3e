"""Pitfall: applying the idempotency rule to connect failures too.

Rejected by: test_should_retry_table
Why it is wrong: a ConnectError, ConnectTimeout or PoolTimeout means the request never left this
process; a POST is as safe to resend as a GET, and refusing gives up on a cheap, safe recovery.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_advanced.retry_layers import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.retry_layers import IDEMPOTENT
from solutions.http_clients.httpx_advanced.retry_layers import should_retry as _reference


def should_retry(
    method: str, *, exc: BaseException | None = None, response: httpx.Response | None = None
) -> bool:
    if method.upper() not in IDEMPOTENT:
        return False
    return _reference(method, exc=exc, response=response)
