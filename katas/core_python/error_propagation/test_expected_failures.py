"""Tests for expected_failures: None for routine bad input, a specific ValueError subclass for a contract breach."""

from __future__ import annotations

import pytest

from katas.core_python.error_propagation.expected_failures import InvalidPort, parse_int, parse_port

INTEGERS = {"42": 42, " 7 ": 7, "-5": -5, "+3": 3, "1_000": 1000, "0": 0}
NOT_INTEGERS = ["abc", "", "4.2", "²", "1e3", "--1"]


@pytest.mark.parametrize("text", INTEGERS)
def test_parse_int_accepts_what_int_accepts(text: str) -> None:
    got = parse_int(text)
    assert got == INTEGERS[text], (
        f"parse_int({text!r}) returned {got!r}, expected {INTEGERS[text]!r}. Let int() decide what an "
        "integer is: a pre-check such as str.isdigit() rejects '-5' and '+3'."
    )


@pytest.mark.parametrize("text", NOT_INTEGERS)
def test_parse_int_returns_none_for_bad_input(text: str) -> None:
    try:
        got = parse_int(text)
    except ValueError as exc:
        pytest.fail(
            f"parse_int({text!r}) raised {exc!r}: bad input is expected here, return None. Note that "
            "'²'.isdigit() is True while int('²') fails: isdigit() is no safe pre-check; call int() and "
            "catch its ValueError (EAFP)."
        )
    assert got is None, f"parse_int({text!r}) returned {got!r}, expected None"


def test_parse_port_accepts_valid_ports() -> None:
    assert parse_port("8080") == 8080, "'8080' is a valid port"
    assert parse_port("1") == 1 and parse_port("65535") == 65535, "1 and 65535 are the valid extremes"


@pytest.mark.parametrize("text", ["0", "65536", "70000", "-80"])
def test_out_of_range_ports_raise_invalid_port(text: str) -> None:
    try:
        got = parse_port(text)
    except InvalidPort as err:
        assert err.text == text, f".text is {err.text!r}, expected {text!r}"
        assert text in str(err), f"the message {str(err)!r} must show the offending input {text!r}"
        return
    pytest.fail(
        f"parse_port({text!r}) returned {got!r}: a port outside 1-65535 must raise InvalidPort (both ends "
        "inclusive: 65535 is the largest 16-bit port, 65536 is not one). A caller that asked for a port has "
        "no sensible way to go on with None."
    )


def test_non_numeric_port_keeps_the_parse_error_as_cause() -> None:
    with pytest.raises(InvalidPort) as caught:
        parse_port("http")
    err = caught.value
    assert err.text == "http", f".text is {err.text!r}, expected 'http'"
    assert isinstance(err.__cause__, ValueError) and not isinstance(err.__cause__, InvalidPort), (
        f"__cause__ is {err.__cause__!r}: chain int()'s ValueError with `raise InvalidPort(text) from exc`"
    )


def test_invalid_port_is_still_a_value_error() -> None:
    try:
        parse_port("http")
    except ValueError as err:
        assert isinstance(err, InvalidPort), f"expected InvalidPort, got {type(err).__name__}"
        return
    except Exception as err:
        pytest.fail(
            f"`except ValueError` did not catch {type(err).__name__}: InvalidPort must subclass ValueError, "
            "so every caller written before it existed keeps working"
        )
    pytest.fail("parse_port('http') raised nothing")
