"""Pitfall: one semaphore per process (module level), shared by every StreamSlots and every app.

Rejected by: test_each_app_builds_its_own_primitives
Why it is wrong: an asyncio primitive binds to the event loop in which someone first waited on it; the
next loop (the next test, a second app, a reloaded worker) gets "RuntimeError: ... is bound to a
different event loop". Build primitives per instance (or in the lifespan), never at import time.
"""

from __future__ import annotations

import asyncio

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots

_SHARED: dict[int, asyncio.Semaphore] = {}


class StreamSlots(StreamSlots):  # type: ignore[no-redef]
    def __init__(self, limit: int, *, queue_timeout_s: float, retry_after_s: int = 1) -> None:
        super().__init__(limit, queue_timeout_s=queue_timeout_s, retry_after_s=retry_after_s)
        self._semaphore = _SHARED.setdefault(limit, asyncio.Semaphore(limit))
