"""Pitfall: recording the verdict in the body generator's finally and again in the dependency's.

Rejected by: test_two_short_complete_answers_close_a_half_open_breaker
Why it is wrong: every stream counts twice: one good probe closes a breaker that asked for
two, and one failure counts double towards opening it. Record once, in the dependency's finally.
"""

from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI
from fastapi.sse import ServerSentEvent

from solutions.safe_calls.stream_fan_in.streaming_gateway import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.streaming_gateway import _Gateway, _Observed


class _TwiceGateway(_Gateway):
    async def relay(self, payload: dict[str, Any], seen: _Observed) -> AsyncIterator[ServerSentEvent]:
        try:
            async for event in super().relay(payload, seen):
                yield event
        finally:
            self._record(seen)


def create_app(**kwargs: Any) -> FastAPI:
    return _TwiceGateway(**kwargs).app()
