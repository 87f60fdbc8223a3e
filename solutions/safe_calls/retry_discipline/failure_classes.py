"""Reference solution: failure_classes."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx


class Verdict(enum.Enum):
    RETRY = "retry"
    RETRY_AFTER = "retry_after"
    GIVE_UP = "give_up"


class Overloaded(Exception):
    """Our own admission control said no (no slot free within the queue budget). Never retried."""


# Only failures that can heal by themselves. Not all of httpx.TransportError: UnsupportedProtocol
# (a bad URL) and LocalProtocolError (our misuse of HTTP) fail the same way every time.
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError, TimeoutError)


def classify(exc: BaseException) -> Verdict:
    if isinstance(exc, Overloaded):
        return Verdict.GIVE_UP
    if isinstance(exc, httpx.HTTPStatusError):
        response = exc.response
        if response.status_code == 429 or (response.status_code == 503 and "Retry-After" in response.headers):
            return Verdict.RETRY_AFTER
        return Verdict.RETRY if response.status_code >= 500 else Verdict.GIVE_UP
    return Verdict.RETRY if isinstance(exc, _TRANSIENT) else Verdict.GIVE_UP


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # str.isdigit() alone also accepts "²" and "١٢"
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())
