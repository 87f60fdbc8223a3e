"""Exercise 1 of error_propagation: translate a library's failures at your boundary, keeping the cause.

Brief: katas/core_python/error_propagation/README.md. Run: `kata run translate_errors`.
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx


class PaymentsError(Exception):
    """Base class of every failure this payments client raises: `except PaymentsError` catches them all."""


class PaymentDeclined(PaymentsError):
    """The provider refused the charge (HTTP 402). An expected business outcome, not an outage."""

    def __init__(self, reason: str) -> None:
        """Keep the provider's reason code as `.reason` (and in the message)."""
        raise NotImplementedError


class UpstreamUnavailable(PaymentsError):
    """The provider could not be reached or failed (5xx, or a transport error)."""

    def __init__(self, status: int | None) -> None:
        """Keep the HTTP status as `.status`; None when no response arrived at all."""
        raise NotImplementedError


class ConfigError(PaymentsError):
    """A required setting is missing."""

    def __init__(self, key: str) -> None:
        """Keep the missing setting's name as `.key` (and in the message)."""
        raise NotImplementedError


def charge(client: httpx.Client, amount_cents: int) -> str:
    """Charge `amount_cents` and return the new charge's id.

    - `amount_cents <= 0`: raise ValueError before any request is sent (the caller's bug);
    - POST `/charges` with JSON `{"amount_cents": amount_cents}`; a 2xx answer is `{"id": "..."}`;
    - HTTP 402 `{"reason": "..."}` -> PaymentDeclined(reason); HTTP 5xx -> UpstreamUnavailable(status);
      an httpx transport error (nothing answered) -> UpstreamUnavailable(None);
    - every translated error keeps the httpx exception as its `__cause__` (`raise ... from exc`);
    - any other failure is not this function's to translate: it propagates unchanged.
    """
    raise NotImplementedError


def require_setting(settings: Mapping[str, str], key: str) -> str:
    """Return `settings[key]`; if it is missing raise ConfigError(key) translated from the KeyError with
    `from None`, so the printed traceback shows only the ConfigError (the KeyError adds nothing)."""
    raise NotImplementedError
