"""Pitfall: waiting for a slot before asking the breaker.

Rejected by: test_an_open_breaker_refuses_without_waiting_for_a_slot
Why it is wrong: with the slots full and the vendor down, every request first queues for
queue_timeout_s and only then learns what the breaker knew at once; it is answered late and with the
slot layer's Retry-After instead of the breaker's. Cheap, instant refusals come before waits.
"""

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, FastAPI
from fastapi.sse import EventSourceResponse, ServerSentEvent

from solutions.safe_calls.stream_fan_in.streaming_gateway import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.streaming_gateway import _Gateway, _Observed


class _SlotFirstGateway(_Gateway):
    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post(
            "/v1/chat/stream",
            response_class=EventSourceResponse,
            dependencies=[Depends(self.admission.admit), Depends(self.slots.hold)],
        )
        async def chat_stream(
            payload: dict[str, Any], seen: Annotated[_Observed, Depends(self.guarded_by_breaker)]
        ) -> AsyncIterator[ServerSentEvent]:
            async for event in self.relay(payload, seen):
                yield event

        return app


def create_app(**kwargs: Any) -> FastAPI:
    return _SlotFirstGateway(**kwargs).app()
