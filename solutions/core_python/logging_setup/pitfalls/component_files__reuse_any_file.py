"""Pitfall: any rotating handler already on the component logger is reused, whatever its folder.

Rejected by: test_attaching_twice_reuses_the_handler
Why it is wrong: asking for the component's file in a second folder (an audit copy, a test run)
silently returns the first folder's handler, so nothing is ever written where it was asked.
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
        if isinstance(handler, RotatingFileHandler):
            return handler
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8")
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(asctime)s [%(levelname)s] %(name)s: %(message)s"))
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > level:
        logger.setLevel(level)
    return handler
