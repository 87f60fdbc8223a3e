"""Exercise 2 of choosing_concurrency: run each kind of work where it belongs, on long-lived pools.

Brief: katas/concurrency/choosing_concurrency/README.md. Run: `kata run dispatch_by_workload`.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, Literal

Workload = Literal["cpu", "blocking_io", "async_io"]
Model = Literal["process", "thread", "event_loop"]


def choose_model(workload: Workload) -> Model:
    """The execution model the decision rules recommend for a kind of work:
    pure-Python CPU work -> "process"; a blocking library (sync I/O) -> "thread";
    an async library (awaitable I/O) -> "event_loop"."""
    raise NotImplementedError


class Dispatcher:
    """Runs callables where their workload kind says, reusing the two executors it was given."""

    def __init__(self, *, threads: Executor, processes: Executor) -> None:
        """Keep both executors; create none of your own (they live as long as the application)."""
        raise NotImplementedError

    async def run(self, workload: Workload, fn: Callable[..., Any], *args: Any) -> Any:
        """Return the result of fn(*args), run where `workload` belongs:
        - "async_io": fn is an async function; await it right here on the event loop;
        - "blocking_io": in the thread executor, so the loop stays free while it blocks;
        - "cpu": in the process executor (fn and args must be picklable).
        The worker's exception reaches the caller with its original type."""
        raise NotImplementedError

    async def aclose(self) -> None:
        """Shut down both executors, waiting for running work, without blocking the event loop."""
        raise NotImplementedError
