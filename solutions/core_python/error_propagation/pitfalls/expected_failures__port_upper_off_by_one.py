"""Pitfall: the upper bound is off by one (65536 accepted).

Rejected by: test_out_of_range_ports_raise_invalid_port
Why it is wrong: ports are 16-bit, 1-65535; 65536 passes validation and the bind/connect fails later,
far from the config line that held it (OverflowError from socket, not an InvalidPort naming the input).
"""

from __future__ import annotations

from solutions.core_python.error_propagation.expected_failures import *  # the rest is the reference
from solutions.core_python.error_propagation.expected_failures import InvalidPort


def parse_port(text: str) -> int:
    try:
        port = int(text)
    except ValueError as exc:
        raise InvalidPort(text) from exc
    if not 1 <= port <= 65536:
        raise InvalidPort(text)
    return port
