"""Reference solution: module_loggers."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def load_rows(rows: list[str]) -> list[int]:
    values: list[int] = []
    for index, row in enumerate(rows):
        try:
            values.append(int(row))
        except ValueError:
            logger.exception("row %d is not an integer", index)
    logger.info("loaded %d rows, skipped %d", len(values), len(rows) - len(values))
    return values
