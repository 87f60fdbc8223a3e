"""Pitfall: building on parse_int and raising InvalidPort with no cause.

Rejected by: test_non_numeric_port_keeps_the_parse_error_as_cause
Why it is wrong: the ValueError that said why the text is not a number is gone; the traceback
starts at InvalidPort with nothing behind it.
"""

from __future__ import annotations

from solutions.core_python.error_propagation.expected_failures import *  # the rest is the reference
from solutions.core_python.error_propagation.expected_failures import InvalidPort, parse_int


def parse_port(text: str) -> int:
    port = parse_int(text)
    if port is None or not 1 <= port <= 65535:
        raise InvalidPort(text)
    return port
