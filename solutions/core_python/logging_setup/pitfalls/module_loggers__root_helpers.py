"""Pitfall: the module-level helpers logging.exception()/logging.info() instead of a module logger.

Rejected by: test_records_come_from_the_module_logger, test_library_code_configures_nothing
Why it is wrong: every record comes from 'root', so nobody can raise or lower this module's level
on its own; and when root has no handlers yet, these helpers quietly run basicConfig().
"""

from __future__ import annotations

import logging

from solutions.core_python.logging_setup.module_loggers import *  # the rest is the reference


def load_rows(rows: list[str]) -> list[int]:
    values: list[int] = []
    for index, row in enumerate(rows):
        try:
            values.append(int(row))
        except ValueError:
            logging.exception("row %d is not an integer", index)
    logging.info("loaded %d rows, skipped %d", len(values), len(rows) - len(values))
    return values
