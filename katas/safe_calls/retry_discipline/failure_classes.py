"""Exercise 1 of retry_discipline: classify a failed attempt before you retry it.

Brief: katas/safe_calls/retry_discipline/README.md. Run: `kata run failure_classes`.
"""

from __future__ import annotations

import enum
from datetime import datetime


class Verdict(enum.Enum):
    """What the retry loop should do after a failed attempt."""

    RETRY = "retry"  # transient: back off (with jitter) and try again
    RETRY_AFTER = "retry_after"  # the server said "later": wait as long as it asks, then try again
    GIVE_UP = "give_up"  # permanent, or our own overload: another attempt cannot help


class Overloaded(Exception):
    """Our own admission control said no (no slot free within the queue budget). Never retried."""


def classify(exc: BaseException) -> Verdict:
    """Decide whether the attempt that raised `exc` may be retried.

    - RETRY: timeouts (httpx's and the builtin TimeoutError), network errors, remote protocol errors,
      and HTTP 5xx answers;
    - RETRY_AFTER: HTTP 429, and HTTP 503 when it carries a Retry-After header;
    - GIVE_UP: other 4xx (and any other status that raise_for_status raised for), a bad URL scheme,
      local protocol misuse, `Overloaded`, and anything else (a bug in our code is not transient).

    HTTP answers arrive as `httpx.HTTPStatusError` (from `response.raise_for_status()`).
    """
    raise NotImplementedError


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds to wait according to a Retry-After header value.

    The value is either delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2026 07:28:00 GMT"),
    RFC 9110 §10.2.3. Dates are measured from `now` (an aware UTC datetime); a date in the past
    means 0.0. Return None when the header is absent or unparseable (including negative numbers).
    """
    raise NotImplementedError
