"""Pitfall: the previous call's handlers are removed from root but never closed.

Rejected by: test_second_call_replaces_its_own_handlers
Why it is wrong: every reconfiguration leaks the old file handler's open file descriptor (and with it
the old file, even after logrotate moved it); a process that reloads its config runs out of fds.
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
    for old in [h for h in root.handlers if (h.get_name() or "").startswith(HANDLER_TAG)]:
        root.removeHandler(old)

    handlers: dict[str, logging.Handler] = {"console": logging.StreamHandler(stream or sys.stderr)}
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers["file"] = logging.FileHandler(log_file, encoding="utf-8")
    for role, handler in handlers.items():
        handler.set_name(f"{HANDLER_TAG}.{role}")
        handler.setFormatter(logging.Formatter(fmt))
        root.addHandler(handler)
    root.setLevel(level)
