"""Pitfall: "running it elsewhere" with a thread when a child process was asked for.

Rejected by: test_in_process_leaves_the_process, test_processes_do_not_share_memory
Why it is wrong: a thread shares the process, its memory and (in default CPython) its GIL; CPU-bound
pure Python gets no parallelism from it, and a crash or a leak stays in the parent.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from solutions.concurrency.choosing_concurrency.where_it_runs import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.where_it_runs import T


def in_process(fn: Callable[[], T]) -> T:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()
