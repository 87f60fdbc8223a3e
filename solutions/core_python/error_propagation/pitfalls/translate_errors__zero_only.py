"""Pitfall: only an amount of exactly 0 is rejected; a negative amount is sent to the provider.

Rejected by: test_invalid_amount_is_rejected_before_any_request
Why it is wrong: a negative charge is the caller's bug; sent upstream it becomes a refund or a
provider error that looks like an outage.
"""

from __future__ import annotations

import httpx

from solutions.core_python.error_propagation.translate_errors import *  # the rest is the reference
from solutions.core_python.error_propagation.translate_errors import PaymentDeclined, UpstreamUnavailable


def charge(client: httpx.Client, amount_cents: int) -> str:
    if amount_cents == 0:
        raise ValueError("amount_cents must not be zero")
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
    except httpx.TransportError as exc:
        raise UpstreamUnavailable(None) from exc
    return response.json()["id"]
