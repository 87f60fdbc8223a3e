"""Tests for failure_classes: which failures may be retried, and how long the server asked us to wait."""

from __future__ import annotations

from datetime import timedelta
from email.utils import format_datetime

import httpx
import pytest

from katakit.testkit import fixed_now, status_error
from katas.safe_calls.retry_discipline.failure_classes import (
    Overloaded,
    Verdict,
    classify,
    parse_retry_after,
)

NOW = fixed_now()()  # 2026-01-15 12:00:00 UTC, far from the real clock on purpose
REQUEST = httpx.Request("POST", "https://vendor.test/v1/jobs")


def _transport(cls: type[httpx.TransportError]) -> httpx.TransportError:
    return cls(f"simulated {cls.__name__}", request=REQUEST)


TRANSIENT = {
    "ReadTimeout": _transport(httpx.ReadTimeout),
    "ConnectTimeout": _transport(httpx.ConnectTimeout),
    "WriteTimeout": _transport(httpx.WriteTimeout),
    "PoolTimeout": _transport(httpx.PoolTimeout),
    "ConnectError": _transport(httpx.ConnectError),
    "ReadError": _transport(httpx.ReadError),
    "RemoteProtocolError": _transport(httpx.RemoteProtocolError),
    "builtin TimeoutError": TimeoutError(),
    "HTTP 500": status_error(500),
    "HTTP 502": status_error(502),
    "HTTP 503 without Retry-After": status_error(503),
    "HTTP 504": status_error(504),
}

SERVER_PACED = {
    "HTTP 429 with Retry-After": status_error(429, {"Retry-After": "7"}),
    "HTTP 429 without Retry-After": status_error(429),
    "HTTP 503 with Retry-After": status_error(503, {"Retry-After": "30"}),
}

PERMANENT = {
    **{f"HTTP {code}": status_error(code) for code in (400, 401, 403, 404, 409, 422)},
    "HTTP 302 (raise_for_status raises on redirects)": status_error(302),
    "UnsupportedProtocol (a bad URL scheme)": _transport(httpx.UnsupportedProtocol),
    "LocalProtocolError (our own HTTP misuse)": _transport(httpx.LocalProtocolError),
    "Overloaded (our own admission control)": Overloaded("no slot within 5 s"),
    "ValueError (a bug in our code)": ValueError("bad payload"),
}


@pytest.mark.parametrize("label", TRANSIENT)
def test_transient_failures_are_retried(label: str) -> None:
    verdict = classify(TRANSIENT[label])
    assert verdict is Verdict.RETRY, (
        f"{label}: expected Verdict.RETRY, got {verdict}. Timeouts, network errors, a dropped connection "
        "and 5xx answers are transient: the next attempt may well succeed."
    )


@pytest.mark.parametrize("label", SERVER_PACED)
def test_rate_limits_wait_for_the_server(label: str) -> None:
    verdict = classify(SERVER_PACED[label])
    assert verdict is Verdict.RETRY_AFTER, (
        f"{label}: expected Verdict.RETRY_AFTER, got {verdict}. 429 means 'later', not 'never'; and a 503 "
        "that says when to come back should be retried at that time, not on our own schedule."
    )


@pytest.mark.parametrize("label", PERMANENT)
def test_permanent_failures_give_up(label: str) -> None:
    verdict = classify(PERMANENT[label])
    assert verdict is Verdict.GIVE_UP, (
        f"{label}: expected Verdict.GIVE_UP, got {verdict}. It fails the same way on every attempt (a bad "
        "request, a bad URL scheme, a bug), or, for Overloaded, retrying adds load exactly when we are "
        "overloaded. Retry only network errors, timeouts and 5xx."
    )


def test_retry_after_delta_seconds() -> None:
    got = parse_retry_after("120", now=NOW)
    assert got == 120.0, f"Retry-After: 120 means 120.0 seconds; got {got!r}."
    got = parse_retry_after(" 0 ", now=NOW)
    assert got == 0.0, f'Retry-After: " 0 " (with spaces) means 0.0 seconds; got {got!r}.'


def test_retry_after_http_date() -> None:
    header = format_datetime(NOW + timedelta(seconds=30), usegmt=True)
    got = parse_retry_after(header, now=NOW)
    assert got == pytest.approx(30.0), (
        f"Retry-After: {header!r} is 30 s after `now` ({NOW:%H:%M:%S} UTC), so expected 30.0, got {got!r}. "
        "Retry-After may be an HTTP-date (RFC 9110 §10.2.3); measure it from the injected `now`, never "
        "from the real clock."
    )


def test_retry_after_date_in_the_past_means_now() -> None:
    header = format_datetime(NOW - timedelta(minutes=5), usegmt=True)
    got = parse_retry_after(header, now=NOW)
    assert got == 0.0, f"A Retry-After date in the past means 'retry now': expected 0.0, got {got!r}."


@pytest.mark.parametrize("value", [None, "soon", "-5", "", "1.5e3", "\u0661\u0662", "\u00b2"])
def test_retry_after_rejects_garbage(value: str | None) -> None:
    got = parse_retry_after(value, now=NOW)
    assert got is None, (
        f"Retry-After {value!r} is absent or not a valid delta-seconds/HTTP-date: expected None (fall back "
        f"to your own backoff), got {got!r}. Delta-seconds is ASCII digits only (RFC 9110 §10.2.3): a "
        "negative delay, a float, or digits from another script (which str.isdigit() accepts) are not valid."
    )
