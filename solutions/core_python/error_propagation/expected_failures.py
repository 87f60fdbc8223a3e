"""Reference solution: expected_failures."""

from __future__ import annotations


class InvalidPort(ValueError):
    def __init__(self, text: str) -> None:
        super().__init__(f"not a TCP port (1-65535): {text!r}")
        self.text = text


def parse_int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def parse_port(text: str) -> int:
    try:
        port = int(text)
    except ValueError as exc:
        raise InvalidPort(text) from exc
    if not 1 <= port <= 65535:
        raise InvalidPort(text)
    return port
