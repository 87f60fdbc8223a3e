"""Pitfall: every non-402 HTTP error is translated to UpstreamUnavailable.

Rejected by: test_other_client_errors_propagate_unchanged
Why it is wrong: a 400/404 means this client sent a bad request (a bug here), not an outage; as
UpstreamUnavailable it is retried, paged as the provider's fault, and the real mistake is hidden.
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
        raise UpstreamUnavailable(status) from exc
    except httpx.TransportError as exc:
        raise UpstreamUnavailable(None) from exc
    return response.json()["id"]
