"""Pitfall: a new handler on every call.

Rejected by: test_attaching_twice_reuses_the_handler
Why it is wrong: each attach (a reload, a second import path, a test) duplicates every line in the
component file and keeps one more file descriptor open.
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
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / f"{component.rsplit('.', 1)[-1]}.log"
    handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8")
    handler.setLevel(level)
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > level:
        logger.setLevel(level)
    return handler
