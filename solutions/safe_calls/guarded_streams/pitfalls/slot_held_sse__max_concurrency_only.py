"""Pitfall: `Depends(marker, max_concurrency=limit)` as the only limit (new in current FastAPI).

Rejected by: test_full_pod_answers_503_at_the_queue_timeout
Why it is wrong: it holds the slot for the whole request, but the wait for a slot has no bound: the second
caller queues until the first stream ends (here a minute) instead of getting a fast 503 it can retry
elsewhere. A queue without a timeout turns overload into latency for everyone.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
from fastapi import Depends, FastAPI

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots, _app, _Relay


class StreamSlots(StreamSlots):  # type: ignore[no-redef]
    def __init__(self, limit: int, *, queue_timeout_s: float, retry_after_s: int = 1) -> None:
        super().__init__(limit, queue_timeout_s=queue_timeout_s, retry_after_s=retry_after_s)
        self.limit = limit


async def _marker() -> AsyncIterator[None]:
    yield


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    limit = getattr(slots, "limit", 1)
    return _app(_Relay(upstream, upstream_url, idle_s), Depends(_marker, max_concurrency=limit))
