"""A raw ASGI driver for streaming responses: see every body chunk as it is sent, and leave for real.

`httpx.ASGITransport` (httpx 0.28) runs the app to completion and hands back one joined body, and its
`receive()` reports `http.disconnect` only after the response is complete, so a test can neither watch
a stream arrive nor leave early. This driver runs the app as a task in the test's own event loop (so
looptime applies), queues each `send()` message, and delivers a genuine `http.disconnect` on `close()`.

    call = start_stream(app, "POST", "/v1/chat/stream", json_body={"prompt": "hi"})
    assert await call.start() == 200
    chunk, more = await call.next_body()
    await call.close()          # the client leaves: the app sees http.disconnect; the task is awaited

`spec_version` is what the server advertises in `scope["asgi"]`: uvicorn says "2.3" for HTTP, and then
Starlette watches `receive()` for the disconnect and cancels the body; under "2.4" `send()` raises
`OSError` once the client is gone (the ASGI spec's rule) and Starlette stops at the next send.
`block_on_start=True` makes the client vanish while `http.response.start` is being written: that
`send()` waits until `close()` and then fails (2.4) or is dropped (2.3).

The client never slows the app down: every message is queued at once (a fast reader with roomy socket
buffers), so what the test sees, and when, follows the app's and its upstream's own schedule. Read
messages in order with `start()`, `next_body()`, `next_chunk()` or `read_rest()`; all of them fail with
a clear message, instead of hanging, if the app ends or crashes before sending what was awaited.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[
    [Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]
]


class StreamCall:
    """One request in flight against an ASGI app; created by `start_stream`."""

    def __init__(self, app: ASGIApp, scope: Scope, body: bytes, *, block_on_start: bool) -> None:
        self.scope = scope
        self.status: int | None = None
        self.headers: dict[str, str] = {}
        self.chunks: list[bytes] = []
        self.messages: list[Message] = []
        self.disconnected = asyncio.Event()
        self._body = body
        self._body_sent = False
        self._block_on_start = block_on_start
        self._queue: asyncio.Queue[Message] = asyncio.Queue()
        self._ended = False
        self.app_error: BaseException | None = None
        self._v24 = tuple(int(p) for p in scope["asgi"]["spec_version"].split(".")) >= (2, 4)
        self.task = asyncio.get_running_loop().create_task(app(scope, self._receive, self._send))

    async def _receive(self) -> Message:
        if not self._body_sent:
            self._body_sent = True
            return {"type": "http.request", "body": self._body, "more_body": False}
        await self.disconnected.wait()
        return {"type": "http.disconnect"}

    async def _send(self, message: Message) -> None:
        if message["type"] == "http.response.start" and self._block_on_start:
            await self.disconnected.wait()
        if self.disconnected.is_set():
            if self._v24:
                raise OSError("client disconnected (ASGI spec 2.4: send() raises once the client is gone)")
            return  # spec < 2.4: messages after a disconnect are dropped, as uvicorn does
        self.messages.append(message)
        await self._queue.put(message)

    async def _next_message(self) -> Message:
        """The next message the app sent; if the app ends (or crashes) first, say so."""
        getter = asyncio.ensure_future(self._queue.get())
        try:
            await asyncio.wait({getter, self.task}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            if not getter.done():
                getter.cancel()
        if getter.done() and not getter.cancelled():
            return getter.result()
        if self.task.cancelled():
            raise AssertionError("the app task was cancelled before it sent the next message")
        if self.task.exception() is not None:
            raise AssertionError(
                f"the app crashed instead of sending the next message: {self.task.exception()!r}"
            ) from self.task.exception()
        raise AssertionError(
            "the app returned without sending the next message (the response was left unfinished)"
        )

    async def start(self) -> int:
        """Wait for `http.response.start`; return the status and fill `headers` (lower-case names)."""
        message = await self._next_message()
        assert message["type"] == "http.response.start", (
            f"expected http.response.start first, got {message!r}"
        )
        self.status = int(message["status"])
        self.headers = {
            k.decode("latin-1").lower(): v.decode("latin-1") for k, v in message.get("headers", [])
        }
        return self.status

    async def next_body(self) -> tuple[bytes, bool]:
        """Wait for the next `http.response.body` message; return its bytes and its `more_body` flag."""
        if self.status is None:
            await self.start()
        if self._ended:
            raise AssertionError("the response already ended (a body message had more_body=False)")
        message = await self._next_message()
        assert message["type"] == "http.response.body", f"expected a body message, got {message!r}"
        chunk, more = bytes(message.get("body", b"")), bool(message.get("more_body", False))
        self.chunks.append(chunk)
        self._ended = not more
        return chunk, more

    async def next_chunk(self) -> bytes:
        """The next non-empty body chunk (skips empty messages); fails if the response ends first."""
        while True:
            chunk, more = await self.next_body()
            if chunk:
                return chunk
            if not more:
                raise AssertionError("the response ended before another chunk arrived")

    async def read_rest(self) -> bytes:
        """Read body messages until `more_body` is False; return everything read by this call."""
        if self.status is None:
            await self.start()
        parts = []
        while not self._ended:
            chunk, _ = await self.next_body()
            parts.append(chunk)
        return b"".join(parts)

    @property
    def body(self) -> bytes:
        """Every body chunk read so far, joined."""
        return b"".join(self.chunks)

    async def close(self) -> None:
        """The client leaves: deliver `http.disconnect`, then wait for the app task to finish.

        When this returns, everything the app does on disconnect (generator cleanup, dependency exits)
        has already run, so the test may assert on it at once. Whatever the app raised while being
        abandoned (a server would only log it) is kept in `app_error`, not raised.
        """
        self.disconnected.set()
        await asyncio.wait([self.task])
        if not self.task.cancelled():
            self.app_error = self.task.exception()


def start_stream(
    app: ASGIApp,
    method: str = "GET",
    path: str = "/",
    *,
    body: bytes = b"",
    json_body: Any = None,
    headers: Mapping[str, str] | None = None,
    spec_version: str = "2.3",
    block_on_start: bool = False,
) -> StreamCall:
    """Schedule `app` for one HTTP request (as a task in the running loop) and return the call."""
    hdrs = dict(headers or {})
    if json_body is not None:
        body = json.dumps(json_body).encode()
        hdrs.setdefault("content-type", "application/json")
    raw_path, _, query = path.partition("?")
    scope: Scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": spec_version},
        "http_version": "1.1",
        "method": method.upper(),
        "scheme": "http",
        "path": raw_path,
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in hdrs.items()]
        + [(b"host", b"testserver"), (b"content-length", str(len(body)).encode())],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
        "state": {},
    }
    return StreamCall(app, scope, body, block_on_start=block_on_start)
