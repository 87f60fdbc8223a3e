"""RecordingASGI: observe the moment a response is complete, from inside the ASGI conversation.

Starlette's TestClient and `httpx.ASGITransport` both return only after the background tasks have run,
so a test cannot tell from the client side whether work happened before or after the response went
out. This wrapper records ("response_complete", thread_id) into a shared event list when the final
`http.response.body` message has been sent; fakes append their own events to the same list.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class RecordingASGI:
    """Wraps an ASGI app; appends ("response_complete", thread_id) to `events` after the last body
    message of each HTTP response is sent (the thread is the event loop's)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], events: list[Any]) -> None:
        self.app = app
        self.events = events

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def recording_send(message: Message) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                self.events.append(("response_complete", threading.get_ident()))

        await self.app(scope, receive, recording_send)
