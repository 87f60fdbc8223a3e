"""Pitfall: `if root.handlers: return` (or `root.hasHandlers()`) as the "already configured" guard.

Rejected by: test_console_lines_use_the_format
Why it is wrong: root often has handlers you did not install (pytest's capture, a framework's, an
APM agent's), so the guard skips your setup entirely and your format and files never appear.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TextIO

from solutions.core_python.logging_setup.setup_once import *  # the rest is the reference
from solutions.core_python.logging_setup.setup_once import DEFAULT_FORMAT
from solutions.core_python.logging_setup.setup_once import setup_logging as _reference


def setup_logging(
    *,
    level: int | str = "INFO",
    log_file: Path | None = None,
    stream: TextIO | None = None,
    fmt: str = DEFAULT_FORMAT,
) -> None:
    if logging.getLogger().handlers:
        return
    _reference(level=level, log_file=log_file, stream=stream, fmt=fmt)
