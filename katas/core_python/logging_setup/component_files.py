"""Exercise 3 of logging_setup: one rotating log file per component, through the logger hierarchy.

Brief: katas/core_python/logging_setup/README.md. Run: `kata run component_files`.
"""

from __future__ import annotations

import logging
from pathlib import Path


def attach_component_file(
    component: str,
    log_dir: Path,
    *,
    level: int = logging.DEBUG,
    max_bytes: int = 1_000_000,
    backup_count: int = 3,
) -> logging.Handler:
    """Make logger `component` (a dotted name such as "shop.data") and all its children also write to
    `log_dir/<last part of the name>.log` ("data.log"), and return that handler.

    - a size-bounded file: it rotates at `max_bytes` and keeps `backup_count` old files;
    - the handler's level is `level`; the component logger's own level is lowered to `level` when it
      would otherwise drop those records; root's level and handlers are not touched;
    - records keep propagating to root, so the application's console and universal log still see them;
    - attaching the same component and folder again returns the handler already attached (never a second
      one), whatever handlers root or other loggers have.
    """
    raise NotImplementedError
