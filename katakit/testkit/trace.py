"""TraceRecorder: see httpcore's connection-level events (connect, TLS, send, receive) with loop times.

httpx event hooks only see requests and responses; what happens on the connection (how many TCP
connects, when) is reported through the `trace` request extension. Pass a recorder per request:
`await client.get(url, extensions={"trace": recorder})`.
"""

from __future__ import annotations

import asyncio
from typing import Any, NamedTuple


class TraceEvent(NamedTuple):
    name: str  # e.g. "connection.connect_tcp.started", "http11.send_request_headers.complete"
    info: dict[str, Any]
    at: float  # loop time


class TraceRecorder:
    """An async trace callback (httpx's AsyncClient requires a coroutine) that records every event."""

    def __init__(self) -> None:
        self.events: list[TraceEvent] = []

    async def __call__(self, name: str, info: dict[str, Any]) -> None:
        self.events.append(TraceEvent(name, dict(info), asyncio.get_running_loop().time()))

    def count(self, name: str) -> int:
        return sum(1 for event in self.events if event.name == name)

    def times(self, name: str) -> list[float]:
        return [event.at for event in self.events if event.name == name]
