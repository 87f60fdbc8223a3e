"""Pitfall: `{"error": str(e)}` (and the vendor's error body) in the error event (note 08 §8).

Rejected by: test_error_events_carry_codes_not_exception_text
Why it is wrong: exception text and upstream error bodies carry internal hosts and details, and they are
no contract a client can branch on. Send a stable code; log the details.
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
    _Observed,
    classify_stream,
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
        seen = _Observed()
        try:
            yield seen
        finally:  # runs after the response, however it ended: exactly one record
            verdict = classify_stream(
                items=seen.items,
                completed=seen.completed,
                error=seen.error,
                client_gone=not seen.completed and seen.error is None,
            )
            {"success": breaker.record_success, "failure": breaker.record_failure}.get(
                verdict, breaker.record_neutral
            )()

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
                    seen.error = httpx.HTTPError(f"upstream answered {response.status_code}")
                    detail = (await response.aread()).decode()
                    yield ServerSentEvent(
                        event="error", data={"error": f"upstream said {response.status_code}: {detail}"}
                    )
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
        except (StreamTimeout, httpx.HTTPError) as exc:
            seen.error = exc
            yield ServerSentEvent(event="error", data={"error": str(exc)})
            return
        seen.completed = True
        yield ServerSentEvent(raw_data="[DONE]")

    return app
