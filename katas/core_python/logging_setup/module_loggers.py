"""Exercise 1 of logging_setup: a module that logs through its own named logger and configures nothing.

Brief: katas/core_python/logging_setup/README.md. Run: `kata run module_loggers`.

This file plays the part of one module of a library (say `shop/data.py`). Create its module-level
logger here, named after the module, then complete load_rows.
"""

from __future__ import annotations


def load_rows(rows: list[str]) -> list[int]:
    """Parse each row with int() and return the parsed values, in order, skipping bad rows.

    - log through this module's own logger (`logging.getLogger(__name__)`), never the root helpers
      such as `logging.error(...)`, and never configure logging (no basicConfig, no handlers, no levels):
      that is the application's job;
    - a bad row: one ERROR record with the traceback, a %-style template and the row's index as its
      argument; then go on;
    - at the end: one INFO summary record (how many rows were loaded and skipped, as arguments);
    - never print.
    """
    raise NotImplementedError
