"""Pitfall: `from None` in charge too, hiding the transport and HTTP errors.

Rejected by: test_server_errors_are_upstream_unavailable, test_transport_errors_are_upstream_unavailable
Why it is wrong: "provider unavailable" without the ConnectError or the 503 response behind it
tells the on-call engineer nothing; suppress context only when it adds nothing (a KeyError).
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
        if exc.response.status_code == 402:
            raise PaymentDeclined(exc.response.json().get("reason", "unknown")) from exc
        if exc.response.status_code >= 500:
            raise UpstreamUnavailable(exc.response.status_code) from None
        raise
    except httpx.TransportError:
        raise UpstreamUnavailable(None) from None
    return response.json()["id"]
