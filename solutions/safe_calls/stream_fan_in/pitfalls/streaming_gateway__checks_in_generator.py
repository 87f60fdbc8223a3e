"""Pitfall: admission and breaker checked at the top of the streaming generator (note 08 §7-§8).

Rejected by: test_open_breaker_refuses_before_the_first_byte, test_admission_counts_active_streams_and_refuses_when_full
Why it is wrong: by then the 200 and the headers are sent; raising HTTPException (or CircuitOpen) inside the
stream gives the client a 200 with an empty body instead of a 503 it could retry elsewhere.
"""

import math
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI, HTTPException
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
                client_gone=not seen.completed and seen.error is None,
            )
            {"success": breaker.record_success, "failure": breaker.record_failure}.get(
                verdict, breaker.record_neutral
            )()

    @app.post("/v1/chat/stream", response_class=EventSourceResponse)
    async def chat_stream(payload: dict[str, Any]) -> AsyncIterator[ServerSentEvent]:
        # note 08 §7-8: checks at the top of the generator, after the 200 was committed
        if admission.active >= admission.max_active:
            raise HTTPException(503, "too many active streams")
        breaker.before_call()
        async with asynccontextmanager(admission.admit)(), asynccontextmanager(slots.hold)():
            async for event in _relay(payload):
                yield event

    async def _relay(payload: dict[str, Any]) -> AsyncIterator[ServerSentEvent]:
        seen = _Observed()
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
        finally:
            verdict = classify_stream(
                items=seen.items, completed=seen.completed, error=seen.error, client_gone=False
            )
            {"success": breaker.record_success, "failure": breaker.record_failure}.get(
                verdict, breaker.record_neutral
            )()
        seen.completed = True
        yield ServerSentEvent(raw_data="[DONE]")

    return app
