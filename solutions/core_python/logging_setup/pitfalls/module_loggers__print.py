"""Pitfall: print() for the bad rows.

Rejected by: test_bad_rows_are_logged_and_skipped, test_nothing_is_printed
Why it is wrong: stdout has no level, no module name and no traceback, and the application cannot
route, filter or silence it.
"""

from __future__ import annotations

import logging

from solutions.core_python.logging_setup.module_loggers import *  # the rest is the reference

logger = logging.getLogger(__name__)  # named like the learner's module, as the pitfall replaces it


def load_rows(rows: list[str]) -> list[int]:
    values: list[int] = []
    for index, row in enumerate(rows):
        try:
            values.append(int(row))
        except ValueError as exc:
            print(f"row {index} is bad: {exc}")
    logger.info("loaded %d rows, skipped %d", len(values), len(rows) - len(values))
    return values
