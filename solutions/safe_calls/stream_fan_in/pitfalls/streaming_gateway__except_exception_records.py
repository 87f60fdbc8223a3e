"""Pitfall: recording the outcome inside the generator, with `except Exception` for failures.

Rejected by: test_client_disconnect_is_neutral_and_releases_everything
Why it is wrong: a disconnect arrives as CancelledError, which is not an Exception, so nothing is
recorded: in half-open the probe slot is never given back and the breaker is stuck refusing everyone.
"""

import math
from collections.abc import AsyncIterator
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, HTTPException
from fastapi.sse import EventSourceResponse, ServerSentEvent

from katas.safe_calls.guarded_streams.slot_held_sse import StreamSlots
from katas.safe_calls.guarded_streams.stream_deadlines import StreamTimeout, with_deadlines
from katas.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker, CircuitOpen
from solutions.safe_calls.stream_fan_in.streaming_gateway import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.streaming_gateway import (
    StreamAdmission,
    _error,
    _Observed,
)


def create_app(
    *,
    upstream: httpx.AsyncClient,
    upstream_url: str,
    breaker: CircuitBreaker,
    admission: StreamAdmission,
    slots: StreamSlots,
    idle_s: float,
) -> FastAPI:
    app = FastAPI()

    async def guarded_by_breaker() -> AsyncIterator[_Observed]:
        try:
            breaker.before_call()
        except CircuitOpen as exc:
            headers = {"Retry-After": str(math.ceil(exc.retry_after))}
            raise HTTPException(503, "upstream circuit open", headers=headers) from None
        yield _Observed()

    @app.post(
        "/v1/chat/stream",
        response_class=EventSourceResponse,
        dependencies=[Depends(admission.admit)],
    )
    async def chat_stream(
        payload: dict[str, Any],
        seen: Annotated[_Observed, Depends(guarded_by_breaker)],  # admission → breaker → slot
        _slot: Annotated[None, Depends(slots.hold)],
    ) -> AsyncIterator[ServerSentEvent]:
        try:
            async with upstream.stream("POST", upstream_url, json={**payload, "stream": True}) as response:
                if response.status_code != 200:
                    breaker.record_failure()
                    yield _error("upstream_status")
                    return
                lines = with_deadlines(
                    response.aiter_lines(),
                    first_item_s=idle_s,
                    idle_s=idle_s,
                    total_s=math.inf,
                    is_progress=lambda line: line.startswith("data:"),
                )
                async for line in lines:
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].removeprefix(" ")
                    if data == "[DONE]":
                        break
                    seen.items += 1
                    yield ServerSentEvent(raw_data=data)
        except Exception as exc:  # CancelledError (the client left) slips past: nothing is recorded
            breaker.record_failure()
            seen.error = exc
            yield _error("upstream_idle" if isinstance(exc, StreamTimeout) else "upstream_error")
            return
        seen.completed = True
        breaker.record_success()
        yield ServerSentEvent(raw_data="[DONE]")

    return app
