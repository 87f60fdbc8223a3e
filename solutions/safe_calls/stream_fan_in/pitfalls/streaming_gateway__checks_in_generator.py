"""Pitfall: admission and breaker checked at the top of the streaming generator (note 08 §7-§8).

Rejected by: test_open_breaker_refuses_before_the_first_byte, test_admission_counts_active_streams_and_refuses_when_full
Why it is wrong: by then the 200 and the headers are sent; raising HTTPException (or CircuitOpen) inside the
stream gives the client a 200 with an empty body instead of a 503 it could retry elsewhere.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.sse import EventSourceResponse, ServerSentEvent

from solutions.safe_calls.stream_fan_in.streaming_gateway import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.streaming_gateway import _Gateway, _Observed


class _ChecksInGenerator(_Gateway):
    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/v1/chat/stream", response_class=EventSourceResponse)
        async def chat_stream(payload: dict[str, Any]) -> AsyncIterator[ServerSentEvent]:
            # note 08 §7-8: checks at the top of the generator, after the 200 was committed
            if self.admission.active >= self.admission.max_active:
                raise HTTPException(503, "too many active streams")
            self.breaker.before_call()
            async with asynccontextmanager(self.admission.admit)(), asynccontextmanager(self.slots.hold)():
                seen = _Observed()
                try:
                    async for event in self.relay(payload, seen):
                        yield event
                finally:
                    self._record(seen)

        return app


def create_app(**wiring: Any) -> FastAPI:
    return _ChecksInGenerator(**wiring).app()
