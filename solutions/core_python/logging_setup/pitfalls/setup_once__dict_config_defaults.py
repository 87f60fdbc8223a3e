"""Pitfall: logging.config.dictConfig with its defaults.

Rejected by: test_existing_loggers_keep_working, test_foreign_handlers_survive
Why it is wrong: dictConfig disables every logger that already exists (disable_existing_loggers
defaults to True), so modules imported before setup go silent; and it replaces all root handlers.
"""

from __future__ import annotations

import logging.config
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
    handlers: dict[str, dict[str, object]] = {
        f"{HANDLER_TAG}.console": {
            "class": "logging.StreamHandler",
            "formatter": "default",
            "stream": stream if stream is not None else sys.stderr,
        }
    }
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers[f"{HANDLER_TAG}.file"] = {
            "class": "logging.FileHandler",
            "formatter": "default",
            "filename": str(log_file),
        }
    logging.config.dictConfig(
        {
            "version": 1,
            "formatters": {"default": {"format": fmt}},
            "handlers": handlers,
            "root": {"level": level, "handlers": list(handlers)},
        }
    )
