"""Pitfall: a new exception type that does not subclass ValueError.

Rejected by: test_invalid_port_is_still_a_value_error
Why it is wrong: every existing `except ValueError` around port parsing stops catching the
failure; narrowing an exception must keep the old contract (subclass what used to be raised).
"""

from __future__ import annotations

from solutions.core_python.error_propagation.expected_failures import *  # the rest is the reference


class PortError(Exception):
    def __init__(self, text: str) -> None:
        super().__init__(f"not a TCP port (1-65535): {text!r}")
        self.text = text


class InvalidPort(PortError):
    """Not a ValueError any more."""


def parse_port(text: str) -> int:
    try:
        port = int(text)
    except ValueError as exc:
        raise InvalidPort(text) from exc
    if not 1 <= port <= 65535:
        raise InvalidPort(text)
    return port
