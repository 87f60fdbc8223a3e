"""Pitfall: the note's `if not logger.hasHandlers():` guard before attaching.

Rejected by: test_component_and_children_write_to_their_file
Why it is wrong: hasHandlers() also looks at every ancestor, root included; once the application has
configured root (or under pytest, always), the guard is true and data.log is never created.
"""

from __future__ import annotations

import logging
from pathlib import Path

from solutions.core_python.logging_setup.component_files import *  # the rest is the reference
from solutions.core_python.logging_setup.component_files import attach_component_file as _reference


def attach_component_file(
    component: str,
    log_dir: Path,
    *,
    level: int = logging.DEBUG,
    max_bytes: int = 1_000_000,
    backup_count: int = 3,
) -> logging.Handler:
    logger = logging.getLogger(component)
    if logger.hasHandlers():
        return logger.handlers[0] if logger.handlers else logging.NullHandler()
    return _reference(component, log_dir, level=level, max_bytes=max_bytes, backup_count=backup_count)
