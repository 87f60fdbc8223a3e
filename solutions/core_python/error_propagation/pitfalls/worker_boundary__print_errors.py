"""Pitfall: printing the failure instead of logging it.

Rejected by: test_each_failure_is_logged_with_its_traceback, test_nothing_is_printed
Why it is wrong: stdout has no level, no logger name, no traceback and no route to the log pipeline;
in a container it is mixed with everything else, if anyone collects it at all.
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
            print(f"item {item} failed: {exc!r}")
            report.failed.append(item)
        else:
            report.succeeded.append(item)
    return report
