"""Pitfall: a stream that did not complete counts as a failure, even when the client left.

Rejected by: test_client_disconnect_is_neutral_and_releases_everything
Why it is wrong: users close tabs all the time; counting that against the vendor lets a handful of
impatient users open the breaker and cut everyone off from a healthy vendor.
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
                client_gone=False,  # "it did not finish, so it failed"
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
                    seen.error = httpx.HTTPStatusError(
                        "bad status", request=response.request, response=response
                    )
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
        except (StreamTimeout, httpx.HTTPError) as exc:
            seen.error = exc
            yield _error("upstream_idle" if isinstance(exc, StreamTimeout) else "upstream_error")
            return
        seen.completed = True
        yield ServerSentEvent(raw_data="[DONE]")

    return app
