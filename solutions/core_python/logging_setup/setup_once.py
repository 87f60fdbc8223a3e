"""Reference solution: setup_once."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Final, TextIO

HANDLER_TAG: Final = "logging_setup"
DEFAULT_FORMAT: Final = "%(asctime)s [%(levelname)s] %(name)s: %(message)s"


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
        old.close()

    handlers: dict[str, logging.Handler] = {
        "console": logging.StreamHandler(stream if stream is not None else sys.stderr)
    }
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers["file"] = logging.FileHandler(log_file, encoding="utf-8")

    formatter = logging.Formatter(fmt)
    for role, handler in handlers.items():
        handler.set_name(f"{HANDLER_TAG}.{role}")
        handler.setFormatter(formatter)
        root.addHandler(handler)
    root.setLevel(level)
