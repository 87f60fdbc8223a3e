"""Pitfall: __aexit__ cancels the workers but never awaits them (and forgets who is still waiting).

Rejected by: test_leaving_fails_waiters_and_stops_every_worker
Why it is wrong: the worker tasks outlive the dispatcher ("Task was destroyed but it is pending" at
shutdown), and submitters whose items were queued or in service wait forever instead of being told.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.priority_dispatch import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.priority_dispatch import PriorityDispatcher as _Reference


class PriorityDispatcher(_Reference):
    async def __aexit__(self, *exc: object) -> None:
        for worker in self._workers:
            worker.cancel()
