"""Pitfall: logger.error(str(exc)): no traceback.

Rejected by: test_bad_rows_are_logged_and_skipped
Why it is wrong: "invalid literal for int()" without the stack and the row index does not tell
anyone which input or which code path failed.
"""

from __future__ import annotations

import logging

from solutions.core_python.logging_setup.module_loggers import *  # the rest is the reference

logger = logging.getLogger(__name__)  # named like the learner's module, as the pitfall replaces it


def load_rows(rows: list[str]) -> list[int]:
    values: list[int] = []
    for row in rows:
        try:
            values.append(int(row))
        except ValueError as exc:
            logger.error(str(exc))
    logger.info("loaded %d rows, skipped %d", len(values), len(rows) - len(values))
    return values
