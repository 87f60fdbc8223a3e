"""Pitfall: `propagate = False` on the component logger, "so records don't appear twice".

Rejected by: test_records_still_reach_root
Why it is wrong: the component's records vanish from the console, the universal log and every
root-level tool (caplog, error trackers); the "both" pattern needs propagation on.
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
    handler = _reference(component, log_dir, level=level, max_bytes=max_bytes, backup_count=backup_count)
    logging.getLogger(component).propagate = False
    return handler
