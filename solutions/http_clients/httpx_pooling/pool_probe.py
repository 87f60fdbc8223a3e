"""Reference solution: pool_probe."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

_HEADERS_STARTED = ".send_request_headers.started"
_CONNECTED = "connection.connect_tcp.complete"


@dataclass(frozen=True)
class PoolStats:
    requests: int
    connections_opened: int
    pool_waits: tuple[float, ...]


class PoolProbe:
    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._waits: list[float | None] = []
        self._opened = 0

    def install(self, client: httpx.AsyncClient) -> None:
        client.event_hooks["request"].append(self._on_request)

    async def _on_request(self, request: httpx.Request) -> None:
        index, started = len(self._waits), self._clock()
        self._waits.append(None)

        async def trace(event_name: str, info: dict[str, Any]) -> None:
            if event_name == _CONNECTED:
                self._opened += 1
            elif event_name.endswith(_HEADERS_STARTED) and self._waits[index] is None:
                self._waits[index] = self._clock() - started

        request.extensions["trace"] = trace

    def snapshot(self) -> PoolStats:
        waits = tuple(wait for wait in self._waits if wait is not None)
        return PoolStats(len(self._waits), self._opened, waits)
