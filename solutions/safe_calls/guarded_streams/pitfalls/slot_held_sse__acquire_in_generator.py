"""Pitfall: taking the slot inside the body generator (`async with sem:` around the relay, as note 07 §4/§6 do).

Rejected by: test_full_pod_answers_503_at_the_queue_timeout
Why it is wrong: by the time the generator runs, the 200 and its headers are on their way, so a full pod
can no longer answer 503: the caller gets 200 with an empty or broken body (HTTPException raised inside
a stream cannot change the status), and the upstream bookkeeping happens after the point of no return.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import aclosing, asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.sse import ServerSentEvent

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots, _app, _Relay


@dataclass
class _SlotInsideTheBody(_Relay):
    slots: StreamSlots

    async def events(self, payload: dict[str, Any]) -> AsyncGenerator[ServerSentEvent, None]:
        # `async with sem:` around the relay: it runs after the 200 and its headers are committed
        async with asynccontextmanager(self.slots.hold)(), aclosing(super().events(payload)) as events:
            async for event in events:
                yield event


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    return _app(_SlotInsideTheBody(upstream, upstream_url, idle_s, slots))  # no dependency
