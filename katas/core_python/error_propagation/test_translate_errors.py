"""Tests for translate_errors: one exception family at the boundary, with the root cause attached."""

from __future__ import annotations

import traceback
from collections.abc import Callable

import httpx
import pytest

from katas.core_python.error_propagation.translate_errors import (
    ConfigError,
    PaymentDeclined,
    PaymentsError,
    UpstreamUnavailable,
    charge,
    require_setting,
)


class Provider:
    """A fake payments provider behind httpx.MockTransport; `answer` builds each response."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response]) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer(request)

    def client(self) -> httpx.Client:
        return httpx.Client(base_url="https://payments.test", transport=httpx.MockTransport(self.handler))


def replying(status: int, body: dict[str, str]) -> Provider:
    return Provider(lambda _request: httpx.Response(status, json=body))


def test_successful_charge_returns_its_id() -> None:
    provider = replying(200, {"id": "ch_1"})
    with provider.client() as client:
        got = charge(client, 1999)
    assert got == "ch_1", f"expected the charge id 'ch_1', got {got!r}"
    sent = provider.requests[0]
    assert (sent.method, sent.url.path) == ("POST", "/charges"), (
        f"expected POST /charges, sent {sent.method} {sent.url.path}"
    )
    assert sent.read() == b'{"amount_cents":1999}', f"unexpected body {sent.read()!r}"


def test_decline_is_a_payments_error_with_its_cause() -> None:
    with replying(402, {"reason": "insufficient_funds"}).client() as client:
        try:
            got = charge(client, 500)
        except PaymentDeclined as err:
            declined = err
        else:
            pytest.fail(
                f"charge returned {got!r} for a 402: a swallowed error looks like success to the caller. "
                "Raise PaymentDeclined."
            )
    assert declined.reason == "insufficient_funds", (
        f".reason is {declined.reason!r}, expected 'insufficient_funds'"
    )
    assert isinstance(declined, PaymentsError), "PaymentDeclined must subclass PaymentsError"
    assert isinstance(declined.__cause__, httpx.HTTPStatusError), (
        f"__cause__ is {declined.__cause__!r}: use `raise PaymentDeclined(...) from exc`, so the HTTP error "
        "(request, response, status) stays attached for whoever debugs this"
    )


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_upstream_unavailable(status: int) -> None:
    with replying(status, {"error": "down"}).client() as client:
        try:
            got = charge(client, 500)
        except PaymentDeclined:
            pytest.fail(f"a {status} was translated to PaymentDeclined: only a 402 is a decline")
        except UpstreamUnavailable as err:
            unavailable = err
        else:
            pytest.fail(
                f"charge returned {got!r} for HTTP {status}: an outage must raise UpstreamUnavailable"
            )
    assert unavailable.status == status, f".status is {unavailable.status!r}, expected {status}"
    assert isinstance(unavailable.__cause__, httpx.HTTPStatusError), (
        f"__cause__ is {unavailable.__cause__!r}: chain the httpx error with `raise ... from exc`"
    )


@pytest.mark.parametrize("failure", [httpx.ConnectError, httpx.ReadTimeout])
def test_transport_errors_are_upstream_unavailable(failure: type[httpx.TransportError]) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise failure("nothing answered", request=request)

    with Provider(refuse).client() as client:
        try:
            got = charge(client, 500)
        except UpstreamUnavailable as err:
            unavailable = err
        except httpx.TransportError as err:
            pytest.fail(
                f"{type(err).__name__} escaped untranslated: catch httpx.TransportError, the base of every "
                "transport failure (connect errors, timeouts, protocol errors), not just ConnectError"
            )
        else:
            pytest.fail(f"charge returned {got!r} although nothing answered: raise UpstreamUnavailable(None)")
    assert unavailable.status is None, f".status is {unavailable.status!r}: no response arrived, so None"
    assert isinstance(unavailable.__cause__, failure), (
        f"__cause__ is {unavailable.__cause__!r}: the {failure.__name__} must stay attached (`from exc`). "
        "`from None` hides exactly the detail an on-call engineer needs; keep it for cases like require_setting."
    )


@pytest.mark.parametrize("status", [400, 404])
def test_other_client_errors_propagate_unchanged(status: int) -> None:
    with replying(status, {"error": "bad request"}).client() as client:
        try:
            got = charge(client, 500)
        except PaymentsError as err:
            pytest.fail(
                f"HTTP {status} was translated to {type(err).__name__}: only 402 (a decline) and 5xx/transport "
                "errors (an outage) are this boundary's to translate. Any other 4xx means this client sent a "
                "bad request, a bug: re-raise the httpx.HTTPStatusError unchanged (bare `raise`)."
            )
        except httpx.HTTPStatusError as err:
            assert err.response.status_code == status, (
                f"the HTTPStatusError carries {err.response.status_code}"
            )
        else:
            pytest.fail(f"charge returned {got!r} for HTTP {status}: the failure must propagate")


@pytest.mark.parametrize("amount", [0, -100])
def test_invalid_amount_is_rejected_before_any_request(amount: int) -> None:
    provider = replying(200, {"id": "ch_never"})
    with provider.client() as client:
        try:
            got = charge(client, amount)
        except ValueError:
            pass
        else:
            pytest.fail(
                f"charge(client, {amount}) returned {got!r}: amount_cents <= 0 is the caller's bug, raise "
                "ValueError (negative amounts too, not only 0)"
            )
    assert provider.requests == [], "a non-positive amount is the caller's bug: raise before sending anything"


def test_missing_setting_hides_the_key_error() -> None:
    assert require_setting({"API_KEY": "k-1"}, "API_KEY") == "k-1", "a present setting is returned"
    with pytest.raises(ConfigError) as caught:
        require_setting({}, "API_KEY")
    err = caught.value
    assert err.key == "API_KEY", f".key is {err.key!r}, expected 'API_KEY'"
    printed = "".join(traceback.format_exception(err))
    assert "KeyError" not in printed and err.__suppress_context__, (
        "the printed traceback still shows the KeyError ('During handling of the above exception...'): "
        "translate it with `raise ConfigError(key) from None`"
    )
    assert err.__cause__ is None and isinstance(err.__context__, KeyError), (
        "`from None` only hides the KeyError from the display: __cause__ stays None while __context__ still "
        "holds the KeyError. Look the key up with settings[key] and translate its KeyError."
    )


def test_exception_family() -> None:
    assert issubclass(PaymentsError, Exception), "PaymentsError must subclass Exception"
    for cls in (PaymentDeclined, UpstreamUnavailable, ConfigError):
        assert issubclass(cls, PaymentsError), f"{cls.__name__} must subclass PaymentsError"
    assert PaymentDeclined("expired_card").reason == "expired_card", "PaymentDeclined keeps .reason"
    assert UpstreamUnavailable(None).status is None and UpstreamUnavailable(502).status == 502, (
        "UpstreamUnavailable keeps .status"
    )
    assert ConfigError("DB_URL").key == "DB_URL", "ConfigError keeps .key"
    assert "expired_card" in str(PaymentDeclined("expired_card")), "the reason belongs in the message too"
