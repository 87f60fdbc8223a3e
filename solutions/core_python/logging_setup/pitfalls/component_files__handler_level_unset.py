"""Pitfall: only the component logger's level is set; the handler itself keeps NOTSET.

Rejected by: test_level_filters_the_file_not_the_logger
Why it is wrong: once the logger lets more through (root at DEBUG, a child at DEBUG), the file takes
every record, not just those at `level`: the "errors only" component file fills with debug noise.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from solutions.core_python.logging_setup.component_files import *  # the rest is the reference


def attach_component_file(
    component: str,
    log_dir: Path,
    *,
    level: int = logging.DEBUG,
    max_bytes: int = 1_000_000,
    backup_count: int = 3,
) -> logging.Handler:
    logger = logging.getLogger(component)
    path = (log_dir / f"{component.rsplit('.', 1)[-1]}.log").resolve()
    # logger.handlers, not logger.hasHandlers(): the latter also counts every ancestor's handlers
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return handler
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s [%(levelname)s] %(name)s: %(message)s"))
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > level:
        logger.setLevel(level)
    return handler
