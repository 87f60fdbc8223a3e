"""Exercise 2 of error_propagation: expected failures, told apart from bugs; ask forgiveness, not permission.

Brief: katas/core_python/error_propagation/README.md. Run: `kata run expected_failures`.
"""

from __future__ import annotations


class InvalidPort(ValueError):
    """Raised for text that is not a TCP port (an integer 1-65535). A ValueError, so existing
    `except ValueError` callers keep working."""

    def __init__(self, text: str) -> None:
        """Keep the offending input as `.text` (and in the message)."""
        raise NotImplementedError


def parse_int(text: str) -> int | None:
    """Return the integer `int(text)` would give, or None when `text` is not an integer literal.

    Routine bad input (user input, a config file) is expected here, so it is a return value, not an
    exception. Whatever int() accepts is accepted: surrounding spaces, a sign, underscores ("1_000").
    """
    raise NotImplementedError


def parse_port(text: str) -> int:
    """Return the port in 1..65535 that `text` holds, or raise InvalidPort(text).

    When `text` is not an integer at all, the InvalidPort is chained to the ValueError that int()
    raised (`__cause__`).
    """
    raise NotImplementedError
