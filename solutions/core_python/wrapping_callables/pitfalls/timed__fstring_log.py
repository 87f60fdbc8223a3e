"""Pitfall: logging the timing with an f-string instead of a %-template and arguments.

Rejected by: test_default_sink_logs_lazily
Why it is wrong: the message is formatted even when INFO is off, and every record has a different
text, so log aggregators cannot group "x took N s" lines or read the name as a field.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.timed import *  # the rest is the reference
from solutions.core_python.wrapping_callables.timed import Sink, logger
from solutions.core_python.wrapping_callables.timed import timed as _reference


def _fstring_sink(name: str, seconds: float) -> None:
    logger.info(f"{name} took {seconds:.6f} s")


def timed(*, clock: Callable[[], float] = time.perf_counter, sink: Sink | None = None) -> Any:
    return _reference(clock=clock, sink=sink or _fstring_sink)
