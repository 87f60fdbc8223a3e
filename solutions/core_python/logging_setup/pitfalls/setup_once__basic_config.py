"""Pitfall: plain logging.basicConfig().

Rejected by: test_reconfiguring_takes_effect
Why it is wrong: basicConfig does nothing at all once root has any handler, so the first caller (or
a library, or the test runner) wins and every later call is silently ignored.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TextIO

from solutions.core_python.logging_setup.setup_once import *  # the rest is the reference
from solutions.core_python.logging_setup.setup_once import DEFAULT_FORMAT


def setup_logging(
    *,
    level: int | str = "INFO",
    log_file: Path | None = None,
    stream: TextIO | None = None,
    fmt: str = DEFAULT_FORMAT,
) -> None:
    logging.basicConfig(level=level, format=fmt, stream=stream if stream is not None else sys.stderr)
