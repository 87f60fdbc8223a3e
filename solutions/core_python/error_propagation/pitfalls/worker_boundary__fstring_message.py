"""Pitfall: an f-string log message (with the traceback, but no template and no arguments).

Rejected by: test_each_failure_is_logged_with_its_traceback
Why it is wrong: each failure produces a different message text, so log aggregators see a thousand
distinct errors instead of one error that happened a thousand times.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from solutions.core_python.error_propagation.worker_boundary import *  # the rest is the reference
from solutions.core_python.error_propagation.worker_boundary import BatchReport


def process_batch(items: Iterable[str], handle: Callable[[str], None], logger: logging.Logger) -> BatchReport:
    report = BatchReport()
    for item in items:
        try:
            handle(item)
        except Exception:
            logger.exception(f"item {item} failed")
            report.failed.append(item)
        else:
            report.succeeded.append(item)
    return report
