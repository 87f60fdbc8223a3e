"""Pitfall: one broad `except Exception` around everything, which re-wraps our own PaymentDeclined.

Rejected by: test_decline_is_a_payments_error_with_its_cause
Why it is wrong: a declined card now looks like an outage; callers retry a payment the bank has
refused and page the on-call team for a customer's empty account.
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
        if response.status_code == 402:
            raise PaymentDeclined(response.json().get("reason", "unknown"))
        response.raise_for_status()
        return response.json()["id"]
    except httpx.HTTPStatusError as exc:
        raise UpstreamUnavailable(exc.response.status_code) from exc
    except Exception as exc:
        raise UpstreamUnavailable(None) from exc
