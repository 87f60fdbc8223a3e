"""Pitfall: logger.error(str(exc)): the message survives, the traceback does not.

Rejected by: test_each_failure_is_logged_with_its_traceback
Why it is wrong: "cannot handle b" with no stack trace tells nobody where it failed; and every
message is different, so the aggregator cannot group them either.
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
        except Exception as exc:
            logger.error(str(exc))
            report.failed.append(item)
        else:
            report.succeeded.append(item)
    return report
