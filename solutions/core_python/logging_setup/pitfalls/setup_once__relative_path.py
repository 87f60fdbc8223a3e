"""Pitfall: opening the log file by its bare name, relative to the working directory, without mkdir.

Rejected by: test_log_file_lands_exactly_where_asked
Why it is wrong: the file lands wherever the process happened to start (a systemd unit, a container's
WORKDIR, a test runner), and logs go missing or end up in a read-only folder.
"""

from __future__ import annotations

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
    _reference(level=level, log_file=Path(log_file.name) if log_file else None, stream=stream, fmt=fmt)
