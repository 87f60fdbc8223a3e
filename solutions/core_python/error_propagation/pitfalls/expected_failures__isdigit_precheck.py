"""Pitfall: "look before you leap" with str.isdigit() before calling int().

Rejected by: test_parse_int_accepts_what_int_accepts, test_parse_int_returns_none_for_bad_input
Why it is wrong: isdigit() is not int()'s grammar: it rejects "-5", "+3", " 7 " and "1_000", and
accepts "²", which int() then refuses with a ValueError that escapes.
"""

from __future__ import annotations

from solutions.core_python.error_propagation.expected_failures import *  # the rest is the reference


def parse_int(text: str) -> int | None:
    if not text.isdigit():
        return None
    return int(text)
