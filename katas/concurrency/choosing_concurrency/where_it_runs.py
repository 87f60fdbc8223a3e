"""Exercise 1 of choosing_concurrency: find out where code really ran (process, thread, event loop).

Brief: katas/concurrency/choosing_concurrency/README.md. Run: `kata run where_it_runs`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Where:
    """Identity of an execution context."""

    pid: int  # the operating-system process
    thread_id: int  # threading.get_ident() of the current thread
    loop_running: bool  # is an asyncio event loop running in THIS thread right now?


def where_am_i() -> Where:
    """Describe the current process, the current thread, and whether an asyncio loop is running in
    this thread (not merely whether a loop object exists somewhere)."""
    raise NotImplementedError


def in_thread(fn: Callable[[], T]) -> T:
    """Run `fn` in a worker thread of this process, wait for it, and return its result (or raise its
    exception)."""
    raise NotImplementedError


def in_process(fn: Callable[[], T]) -> T:
    """Run the top-level, picklable `fn` in a child process, wait for it, and return its result (or
    raise its exception). The child has its own memory: nothing it changes is seen here."""
    raise NotImplementedError
