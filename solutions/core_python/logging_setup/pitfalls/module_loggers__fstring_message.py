"""Pitfall: f-string log messages.

Rejected by: test_bad_rows_are_logged_and_skipped
Why it is wrong: the text is built even when the level is off, and each record's message differs,
so aggregators cannot group "row N is not an integer" or read N as a field.
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
        except ValueError:
            logger.exception(f"row {index} is not an integer")
    logger.info(f"loaded {len(values)} rows, skipped {len(rows) - len(values)}")
    return values
