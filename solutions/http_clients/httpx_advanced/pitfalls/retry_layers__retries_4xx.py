"""Pitfall: retrying every error status, 4xx included.

Rejected by: test_should_retry_table
Why it is wrong: a 400/404 says the request itself is wrong; it fails the same way every time, and the
retries only add load and latency (429 is the one 4xx that means "later").
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_advanced.retry_layers import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.retry_layers import should_retry as _reference


def should_retry(
    method: str, *, exc: BaseException | None = None, response: httpx.Response | None = None
) -> bool:
    if response is not None:
        return response.status_code >= 400
    return _reference(method, exc=exc)
