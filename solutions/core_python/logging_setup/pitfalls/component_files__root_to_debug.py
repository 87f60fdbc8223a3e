"""Pitfall: lowering root's level to DEBUG so the component's DEBUG records get through.

Rejected by: test_debug_goes_to_the_file_not_everywhere
Why it is wrong: every logger in the process now creates DEBUG records (httpx, asyncio, your ORM) and
sends them to every root handler; consoles without their own level fill with noise, and it costs CPU.
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
    logging.getLogger().setLevel(level)
    return _reference(component, log_dir, level=level, max_bytes=max_bytes, backup_count=backup_count)
