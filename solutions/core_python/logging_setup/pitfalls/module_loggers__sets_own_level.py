"""Pitfall: the module sets its own logger's level ("so my INFO lines show up").

Rejected by: test_library_code_configures_nothing
Why it is wrong: levels are the application's decision; a library that pins its logger at INFO
ignores the application's WARNING for it (and a later DEBUG for troubleshooting stops at INFO).
"""

from __future__ import annotations

import logging

from solutions.core_python.logging_setup.module_loggers import *  # the rest is the reference

logger = logging.getLogger(__name__)


def load_rows(rows: list[str]) -> list[int]:
    logger.setLevel(logging.INFO)  # (at import time it would be the same mistake)
    values: list[int] = []
    for index, row in enumerate(rows):
        try:
            values.append(int(row))
        except ValueError:
            logger.exception("row %d is not an integer", index)
    logger.info("loaded %d rows, skipped %d", len(values), len(rows) - len(values))
    return values
