"""Pitfall: the note's "queue timeout", `asyncio.timeout(5)`, wrapped around the whole relay (note 08 §8).

Rejected by: test_long_healthy_stream_outlives_the_queue_timeout
Why it is wrong: every stream is cut at 5 s, healthy or not: long answers never complete, and each cut is
reported to the breaker as a vendor failure. The queue timeout bounds only the wait for a slot.
"""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI
from fastapi.sse import ServerSentEvent

from solutions.safe_calls.stream_fan_in.streaming_gateway import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.streaming_gateway import _Gateway, _Observed


class _TimeoutAroundStream(_Gateway):
    async def relay(self, payload: dict[str, Any], seen: _Observed) -> AsyncIterator[ServerSentEvent]:
        try:
            async with asyncio.timeout(5):
                async for event in super().relay(payload, seen):
                    yield event
        except TimeoutError as exc:  # reported like any upstream error: a breaker failure
            seen.error = exc
            yield self._error_event("upstream_error", exc)


def create_app(**wiring: Any) -> FastAPI:
    return _TimeoutAroundStream(**wiring).app()
