"""Exercise 5 of stream_fan_in (capstone): admission, breaker, slot and relay, with honest outcome accounting.

Brief: katas/safe_calls/stream_fan_in/README.md. Run: `kata run streaming_gateway`.
(No `from __future__ import annotations` in this file on purpose: FastAPI must be able to evaluate
`Annotated[..., Depends(...)]` annotations that refer to local variables of create_app.)
"""

from collections.abc import AsyncIterator
from typing import Literal

import httpx
from fastapi import FastAPI

from katas.safe_calls.guarded_streams.slot_held_sse import StreamSlots
from katas.safe_calls.resilience_patterns.circuit_breaker import CircuitBreaker

StreamVerdict = Literal["success", "failure", "neutral"]


def classify_stream(
    *, items: int, completed: bool, error: BaseException | None, client_gone: bool
) -> StreamVerdict:
    """What one finished stream says about the vendor.

    "failure": the upstream failed (an error, a bad status, a stall), before or after its first item;
    "success": the upstream finished its answer, however short (`items` does not matter);
    "neutral": the client left before either happened: that says nothing about the vendor.
    """
    raise NotImplementedError


class StreamAdmission:
    """Caps the number of streams active at once on this pod; decided before the response starts."""

    def __init__(self, max_active: int, *, retry_after_s: int = 1) -> None:
        """At most `max_active` streams at once; a refusal carries `Retry-After: retry_after_s`."""
        raise NotImplementedError

    @property
    def active(self) -> int:
        """Streams admitted and not yet ended."""
        raise NotImplementedError

    def admit(self) -> AsyncIterator[None]:
        """Yield-dependency (write it as `async def admit(self)` with one `yield`): when `max_active`
        streams are active, raise `HTTPException(503)` with Retry-After at once (no waiting); otherwise
        count this stream until its response has ended, however it ended, exactly once."""
        raise NotImplementedError


def create_app(
    *,
    upstream: httpx.AsyncClient,
    upstream_url: str,
    breaker: CircuitBreaker,
    admission: StreamAdmission,
    slots: StreamSlots,
    idle_s: float,
) -> FastAPI:
    """`POST /v1/chat/stream`: admission, then the breaker, then a slot, then the relay.

    - Everything that can refuse is a dependency, in this order: `admission.admit`; the breaker
      (`breaker.before_call()`; `CircuitOpen` becomes 503 with `Retry-After` = its `retry_after` rounded
      up); `slots.hold`. A refusal is a real 503 before any byte of a stream, and the upstream is not
      called.
    - The relay is the one of slot_held_sse (native SSE, `raw_data` payloads, `[DONE]` once after a
      complete upstream answer, one `event: error` with `{"code": "upstream_status" | "upstream_error" |
      "upstream_idle"}` and nothing after it, `idle_s` between data lines, upstream closed on every end).
      There is no overall timeout: a long healthy stream runs to its end.
    - Exactly one breaker record per admitted stream, decided by `classify_stream` from what happened:
      `record_success`, `record_failure` or `record_neutral` (the client left). It must happen however the
      response ends, also when the body never ran or was abandoned, so that a half-open probe slot is
      always given back.
    """
    raise NotImplementedError
