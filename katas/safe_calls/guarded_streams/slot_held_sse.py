"""Exercise 4 of guarded_streams: hold a semaphore slot for the whole life of a stream, and always give it back.

Brief: katas/safe_calls/guarded_streams/README.md. Run: `kata run slot_held_sse`.

Solve stream_deadlines (exercise 2) first: `create_app` reuses its `with_deadlines`, imported from
`katas.safe_calls.guarded_streams.stream_deadlines` (your own solution there).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI


class StreamSlots:
    """Pod-local cap on concurrent upstream streams, with a bounded wait for a slot.

    One instance per app (build its asyncio primitives in `__init__`, never at module level).
    """

    def __init__(self, limit: int, *, queue_timeout_s: float, retry_after_s: int = 1) -> None:
        """`limit` streams at once; a request waits at most `queue_timeout_s` for a slot."""
        raise NotImplementedError

    @property
    def in_use(self) -> int:
        """How many slots are held right now."""
        raise NotImplementedError

    def hold(self) -> AsyncIterator[None]:
        """FastAPI dependency with `yield` (write it as `async def hold(self)` with one `yield`).

        Wait for a slot for at most `queue_timeout_s`; if none frees up, raise
        `HTTPException(503, headers={"Retry-After": str(retry_after_s)})`, before the response starts.
        Otherwise hold the slot until the response has ended however it ended (completed, failed, the
        client left before or during the body) and release it exactly once.
        """
        raise NotImplementedError


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    """An app with `POST /v1/chat/stream` relaying the upstream's SSE stream to the client.

    - Admission: the route depends on `slots.hold`, so a full pod answers a real 503.
    - It POSTs the request's JSON body (plus `"stream": true`) to `upstream_url` with
      `upstream.stream(...)`. Take the body as a parameter of the path operation, `payload: dict[str, Any]`,
      so FastAPI reads it before the response starts. Never `await request.json()` inside the stream: on an
      ASGI 2.3 server (uvicorn) Starlette's streaming response listens for the client's disconnect on
      `receive()`, that listener takes the body message, and the read waits forever.
    - It relays, as FastAPI native SSE (`response_class=EventSourceResponse`),
      each upstream `data:` payload as `ServerSentEvent(raw_data=payload)`, as soon as it arrives.
    - The upstream's own `data: [DONE]` is not relayed; the endpoint sends `[DONE]` itself, once, at
      the end of a stream that completed.
    - A failure becomes exactly one `event: error` whose data is `{"code": ...}` and nothing after it
      (no `[DONE]`): "upstream_status" for a non-200 answer, "upstream_error" for an `httpx.HTTPError`
      mid-stream, "upstream_idle" when no data line arrived for `idle_s` (reuse `with_deadlines` from
      stream_deadlines, solved first). Never put exception text in an event.
    - The upstream response is closed as soon as the stream ends or the client leaves.
    """
    raise NotImplementedError
