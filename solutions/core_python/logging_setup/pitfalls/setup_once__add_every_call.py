"""Pitfall: adding fresh handlers on every call, like the note's setup_logging().

Rejected by: test_second_call_replaces_its_own_handlers
Why it is wrong: a second call (a reload, a test, a worker re-initialising) doubles every log line,
and each file handler keeps another file descriptor open.
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
    root = logging.getLogger()
    handlers: list[logging.Handler] = [logging.StreamHandler(stream if stream is not None else sys.stderr)]
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    for handler in handlers:
        handler.set_name(HANDLER_TAG)
        handler.setFormatter(logging.Formatter(fmt))
        root.addHandler(handler)
    root.setLevel(level)
