"""Pitfall: printing the timing when no sink is given.

Rejected by: test_default_sink_logs_lazily
Why it is wrong: print output cannot be routed, filtered by level or shipped to the log pipeline;
in production it is noise on stdout that nobody collects.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from solutions.core_python.wrapping_callables.timed import *  # the rest is the reference
from solutions.core_python.wrapping_callables.timed import Sink
from solutions.core_python.wrapping_callables.timed import timed as _reference


def _print_sink(name: str, seconds: float) -> None:
    print(f"{name} took {seconds:.6f} s")


def timed(*, clock: Callable[[], float] = time.perf_counter, sink: Sink | None = None) -> Any:
    return _reference(clock=clock, sink=sink or _print_sink)
