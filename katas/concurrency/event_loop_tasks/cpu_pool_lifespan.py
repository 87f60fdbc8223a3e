"""Exercise 5 of event_loop_tasks: one process pool per application, owned by the lifespan.

Brief: katas/concurrency/event_loop_tasks/README.md. Run: `kata run cpu_pool_lifespan`.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor

from fastapi import FastAPI


def count_primes(limit: int) -> int:
    """Count the primes below `limit` in pure Python (CPU-bound; top-level, so a process pool can
    pickle it)."""
    raise NotImplementedError


def create_app(*, executor_factory: Callable[[], Executor] = ProcessPoolExecutor) -> FastAPI:
    """Build the app. Its lifespan calls `executor_factory()` once at startup and shuts that executor
    down (waiting) at shutdown. GET /primes/{limit} answers {"count": count_primes(limit)}, computed in
    that executor so the event loop stays free. Use the lifespan API, not the deprecated on_event."""
    raise NotImplementedError
