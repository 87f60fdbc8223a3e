"""Pitfall: only httpx.ConnectError is translated; timeouts and other transport errors escape raw.

Rejected by: test_transport_errors_are_upstream_unavailable
Why it is wrong: a read timeout is the most common outage symptom; it reaches callers as an httpx
exception that no `except PaymentsError` handles, so the boundary leaks its library after all.
"""

from __future__ import annotations

import httpx

from solutions.core_python.error_propagation.translate_errors import *  # the rest is the reference
from solutions.core_python.error_propagation.translate_errors import PaymentDeclined, UpstreamUnavailable


def charge(client: httpx.Client, amount_cents: int) -> str:
    if amount_cents <= 0:
        raise ValueError(f"amount_cents must be positive, got {amount_cents}")
    try:
        response = client.post("/charges", json={"amount_cents": amount_cents})
        response.raise_for_status()
    except httpx.HTTPStatusError as exc:
        status = exc.response.status_code
        if status == 402:
            raise PaymentDeclined(exc.response.json().get("reason", "unknown")) from exc
        if status >= 500:
            raise UpstreamUnavailable(status) from exc
        raise
    except httpx.ConnectError as exc:
        raise UpstreamUnavailable(None) from exc
    return response.json()["id"]
