"""Reference solution: streaming_gateway.

No `from __future__ import annotations` here: FastAPI must evaluate `Annotated[..., Depends(slots.hold)]`,
which refers to a local variable of create_app; as a string annotation it could not be resolved.
"""

import math
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import httpx
from fastapi import Depends, FastAPI, HTTPException
from fastapi.sse import EventSourceResponse, ServerSentEvent

from katas.safe_calls.guarded_streams.slot_held_sse import StreamSlots
from katas.safe_calls.guarded_streams.stream_deadlines import StreamTimeout, with_deadlines
from katas.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker, CircuitOpen

StreamVerdict = Literal["success", "failure", "neutral"]


def classify_stream(
    *, items: int, completed: bool, error: BaseException | None, client_gone: bool
) -> StreamVerdict:
    if error is not None:
        return "failure"
    if completed:
        return "success"  # a complete short answer counts: length says nothing about health
    return "neutral" if client_gone else "failure"


class StreamAdmission:
    def __init__(self, max_active: int, *, retry_after_s: int = 1) -> None:
        self.max_active = max_active
        self.retry_after_s = retry_after_s
        self._active = 0

    @property
    def active(self) -> int:
        return self._active

    async def admit(self) -> AsyncIterator[None]:
        if self._active >= self.max_active:
            raise HTTPException(
                503, "too many active streams", headers={"Retry-After": str(self.retry_after_s)}
            )
        self._active += 1
        try:
            yield
        finally:
            self._active -= 1


@dataclass
class _Observed:
    """What the relay saw; read by the breaker dependency once the response has ended."""

    items: int = 0
    completed: bool = False
    error: BaseException | None = None


@dataclass(kw_only=True)
class _Gateway:
    """One app's wiring: the breaker dependency, the verdict it records, and the relay."""

    upstream: httpx.AsyncClient
    upstream_url: str
    breaker: CircuitBreaker
    admission: StreamAdmission
    slots: StreamSlots
    idle_s: float

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post(
            "/v1/chat/stream",
            response_class=EventSourceResponse,
            dependencies=[Depends(self.admission.admit)],
        )
        async def chat_stream(
            payload: dict[str, Any],
            seen: Annotated[_Observed, Depends(self.guarded_by_breaker)],  # admission → breaker → slot
            _slot: Annotated[None, Depends(self.slots.hold)],
        ) -> AsyncIterator[ServerSentEvent]:
            async for event in self.relay(payload, seen):
                yield event

        return app

    async def guarded_by_breaker(self) -> AsyncIterator[_Observed]:
        try:
            self.breaker.before_call()
        except CircuitOpen as exc:
            headers = {"Retry-After": str(math.ceil(exc.retry_after))}
            raise HTTPException(503, "upstream circuit open", headers=headers) from None
        seen = _Observed()
        try:
            yield seen
        finally:  # runs after the response, however it ended: exactly one record
            self._record(seen)

    def _record(self, seen: _Observed) -> None:
        record = {"success": self.breaker.record_success, "failure": self.breaker.record_failure}
        record.get(self._verdict(seen), self.breaker.record_neutral)()

    def _verdict(self, seen: _Observed) -> StreamVerdict:
        return classify_stream(
            items=seen.items,
            completed=seen.completed,
            error=seen.error,
            client_gone=not seen.completed and seen.error is None,
        )

    def _error_event(self, code: str, error: BaseException) -> ServerSentEvent:
        """The client gets a stable code it can branch on; `error` itself is for the logs, never the wire."""
        return ServerSentEvent(event="error", data={"code": code})

    async def relay(self, payload: dict[str, Any], seen: _Observed) -> AsyncIterator[ServerSentEvent]:
        body = {**payload, "stream": True}
        try:
            async with self.upstream.stream("POST", self.upstream_url, json=body) as response:
                if response.status_code != 200:
                    seen.error = httpx.HTTPError(f"upstream answered {response.status_code}")
                    yield self._error_event("upstream_status", seen.error)
                    return
                lines = with_deadlines(
                    response.aiter_lines(),
                    first_item_s=self.idle_s,
                    idle_s=self.idle_s,
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
            yield self._error_event(
                "upstream_idle" if isinstance(exc, StreamTimeout) else "upstream_error", exc
            )
            return
        seen.completed = True
        yield ServerSentEvent(raw_data="[DONE]")


def create_app(
    *,
    upstream: httpx.AsyncClient,
    upstream_url: str,
    breaker: CircuitBreaker,
    admission: StreamAdmission,
    slots: StreamSlots,
    idle_s: float,
) -> FastAPI:
    gateway = _Gateway(
        upstream=upstream,
        upstream_url=upstream_url,
        breaker=breaker,
        admission=admission,
        slots=slots,
        idle_s=idle_s,
    )
    return gateway.app()
