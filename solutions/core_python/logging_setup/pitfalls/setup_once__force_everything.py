"""Pitfall: basicConfig(force=True), which removes every root handler, not only yours.

Rejected by: test_foreign_handlers_survive
Why it is wrong: it tears out handlers other parts of the process installed (pytest's caplog, an
error tracker's, a framework's); their records silently stop arriving.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TextIO

from solutions.core_python.logging_setup.setup_once import *  # the rest is the reference
from solutions.core_python.logging_setup.setup_once import DEFAULT_FORMAT, HANDLER_TAG


def setup_logging(
    *,
    level: int | str = "INFO",
    log_file: Path | None = None,
    stream: TextIO | None = None,
    fmt: str = DEFAULT_FORMAT,
) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler(stream if stream is not None else sys.stderr)]
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    for handler in handlers:
        handler.set_name(HANDLER_TAG)
    logging.basicConfig(level=level, format=fmt, handlers=handlers, force=True)
