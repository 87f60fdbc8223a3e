"""Pitfall: a plain FileHandler, with no rotation.

Rejected by: test_file_rotates_and_keeps_backups
Why it is wrong: the file grows without bound until the disk fills up, and then the application
fails in unrelated places (no space for the database, temp files, uploads).
"""

from __future__ import annotations

import logging
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
    for handler in logger.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            return handler
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(level)
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > level:
        logger.setLevel(level)
    return handler
