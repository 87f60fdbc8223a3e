"""Pitfall: parse_port returns None for a bad port, like parse_int.

Rejected by: test_out_of_range_ports_raise_invalid_port, test_non_numeric_port_keeps_the_parse_error_as_cause
Why it is wrong: a caller that needs a port cannot go on without one; a None slips through to the
socket call and fails there, far from the bad config value.
"""

from __future__ import annotations

from solutions.core_python.error_propagation.expected_failures import *  # the rest is the reference
from solutions.core_python.error_propagation.expected_failures import parse_int


def parse_port(text: str) -> int:
    port = parse_int(text)
    if port is None or not 1 <= port <= 65535:
        return None  # type: ignore[return-value]
    return port
