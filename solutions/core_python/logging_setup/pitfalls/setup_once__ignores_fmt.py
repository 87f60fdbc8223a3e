"""Pitfall: the `fmt` argument is ignored; every handler gets DEFAULT_FORMAT.

Rejected by: test_custom_format_is_used
Why it is wrong: the application asked for its own line format (JSON-ish for the aggregator, a
request id field) and silently got the default: log parsing breaks without any error.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from solutions.core_python.logging_setup import setup_once as _reference
from solutions.core_python.logging_setup.setup_once import *  # the rest is the reference


def setup_logging(
    *,
    level: int | str = "INFO",
    log_file: Path | None = None,
    stream: TextIO | None = None,
    fmt: str = _reference.DEFAULT_FORMAT,
) -> None:
    _reference.setup_logging(level=level, log_file=log_file, stream=stream)
