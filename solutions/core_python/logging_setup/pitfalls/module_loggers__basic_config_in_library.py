"""Pitfall: the module calls logging.basicConfig() itself "to make sure logs show up".

Rejected by: test_library_code_configures_nothing
Why it is wrong: the first caller decides the whole application's format, level and destination;
the application's own basicConfig later becomes a no-op and its settings silently disappear.
"""

from __future__ import annotations

import logging

from solutions.core_python.logging_setup.module_loggers import *  # the rest is the reference

logger = logging.getLogger(__name__)  # named like the learner's module, as the pitfall replaces it


def load_rows(rows: list[str]) -> list[int]:
    logging.basicConfig(level=logging.INFO)
    values: list[int] = []
    for index, row in enumerate(rows):
        try:
            values.append(int(row))
        except ValueError:
            logger.exception("row %d is not an integer", index)
    logger.info("loaded %d rows, skipped %d", len(values), len(rows) - len(values))
    return values
