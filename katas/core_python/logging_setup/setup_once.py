"""Exercise 2 of logging_setup: configure logging once, at the application's edge, idempotently.

Brief: katas/core_python/logging_setup/README.md. Run: `kata run setup_once`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final, TextIO

HANDLER_TAG: Final = "logging_setup"
"""Every handler setup_logging installs has a `name` starting with this tag: that is how it recognises
its own handlers among the ones others installed (pytest's, a framework's, an APM agent's)."""

DEFAULT_FORMAT: Final = "%(asctime)s [%(levelname)s] %(name)s: %(message)s"


def setup_logging(
    *,
    level: int | str = "INFO",
    log_file: Path | None = None,
    stream: TextIO | None = None,
    fmt: str = DEFAULT_FORMAT,
) -> None:
    """Configure the root logger for the application; safe to call again to reconfigure.

    - first remove (and close) the root handlers a previous call installed, and only those: handlers
      someone else installed stay untouched;
    - install a console handler writing to `stream` (sys.stderr when None) and, when `log_file` is given,
      a file handler writing to exactly that path (creating its missing parent directories), both with
      `logging.Formatter(fmt)` and a name starting with HANDLER_TAG;
    - set root's level to `level`;
    - loggers that already exist keep working (none gets disabled).
    """
    raise NotImplementedError
