"""Pitfall: calling fn directly in in_thread, as if a function call were already "in a thread".

Rejected by: test_in_thread_keeps_the_process_changes_the_thread
Why it is wrong: the work runs on the caller's thread, so a blocking call still blocks the caller (and
on the event loop's thread, every request). Offloading means another thread really runs it.
"""

from __future__ import annotations

from collections.abc import Callable

from solutions.concurrency.choosing_concurrency.where_it_runs import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.where_it_runs import T


def in_thread(fn: Callable[[], T]) -> T:
    return fn()
