"""Pitfall: logging-and-returning None instead of raising.

Rejected by: test_decline_is_a_payments_error_with_its_cause, test_server_errors_are_upstream_unavailable, test_transport_errors_are_upstream_unavailable
Why it is wrong: the caller gets None where a charge id belongs and carries on as if the customer
had paid; the failure surfaces later, somewhere unrelated, with no cause attached.
"""

from __future__ import annotations

import httpx

from solutions.core_python.error_propagation.translate_errors import *  # the rest is the reference


def charge(client: httpx.Client, amount_cents: int) -> str:
    if amount_cents <= 0:
        raise ValueError(f"amount_cents must be positive, got {amount_cents}")
    try:
        response = client.post("/charges", json={"amount_cents": amount_cents})
        response.raise_for_status()
    except httpx.HTTPError:
        return None  # type: ignore[return-value]
    return response.json()["id"]
