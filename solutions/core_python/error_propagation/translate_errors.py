"""Reference solution: translate_errors."""

from __future__ import annotations

from collections.abc import Mapping

import httpx


class PaymentsError(Exception):
    """Base class of every failure this payments client raises: `except PaymentsError` catches them all."""


class PaymentDeclined(PaymentsError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"payment declined: {reason}")
        self.reason = reason


class UpstreamUnavailable(PaymentsError):
    def __init__(self, status: int | None) -> None:
        super().__init__(f"payments provider unavailable (status {status})")
        self.status = status


class ConfigError(PaymentsError):
    def __init__(self, key: str) -> None:
        super().__init__(f"missing setting {key}")
        self.key = key


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
    except httpx.TransportError as exc:
        raise UpstreamUnavailable(None) from exc
    return response.json()["id"]


def require_setting(settings: Mapping[str, str], key: str) -> str:
    try:
        return settings[key]
    except KeyError:
        raise ConfigError(key) from None
