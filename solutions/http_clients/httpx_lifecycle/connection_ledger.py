"""Reference solution: connection_ledger."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

CONNECTED = "connection.connect_tcp.complete"
_DEFAULT_PORTS = {"http": 80, "https": 443}


class ConnectionLedger:
    def __init__(self) -> None:
        self._requests = 0
        self._opened: Counter[str] = Counter()

    def install(self, client: httpx.AsyncClient) -> None:
        client.event_hooks["request"].append(self._on_request)

    async def _on_request(self, request: httpx.Request) -> None:
        self._requests += 1
        url = request.url
        origin = f"{url.scheme}://{url.host}:{url.port or _DEFAULT_PORTS[url.scheme]}"
        request.extensions["trace"] = self._tracer(origin)

    def _tracer(self, origin: str) -> Callable[[str, dict[str, Any]], Awaitable[None]]:
        async def trace(event_name: str, info: dict[str, Any]) -> None:
            if event_name == CONNECTED:
                self._opened[origin] += 1

        return trace

    @property
    def requests(self) -> int:
        return self._requests

    @property
    def opened(self) -> dict[str, int]:
        return dict(self._opened)

    def reuse_ratio(self) -> float:
        if not self._requests:
            return 1.0
        return 1 - sum(self._opened.values()) / self._requests
