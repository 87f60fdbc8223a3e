"""Pitfall: translating inside `except` without `from exc`.

Rejected by: test_decline_is_a_payments_error_with_its_cause, test_server_errors_are_upstream_unavailable
Why it is wrong: the original error survives only as implicit context ("During handling..."), and
`__cause__` is None, so code and error trackers that follow the cause lose the HTTP details.
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
            raise PaymentDeclined(exc.response.json().get("reason", "unknown"))
        if exc.response.status_code >= 500:
            raise UpstreamUnavailable(exc.response.status_code)
        raise
    except httpx.TransportError:
        raise UpstreamUnavailable(None)
    return response.json()["id"]
