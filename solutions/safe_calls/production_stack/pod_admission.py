"""Reference solution: pod_admission."""

from __future__ import annotations

from collections.abc import Collection

from starlette.types import ASGIApp, Receive, Scope, Send


class InFlightLimiter:
    def __init__(
        self,
        app: ASGIApp,
        *,
        max_in_flight: int,
        exempt_paths: Collection[str] = ("/health", "/ready"),
        retry_after_s: int = 1,
    ) -> None:
        self.app = app
        self.max_in_flight = max_in_flight
        self.exempt_paths = frozenset(exempt_paths)
        self.retry_after_s = retry_after_s
        self._in_flight = 0

    @property
    def in_flight(self) -> int:
        return self._in_flight

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self.exempt_paths:
            await self.app(scope, receive, send)
            return
        if self._in_flight >= self.max_in_flight:
            await self._reject(send)
            return
        self._in_flight += 1
        try:
            await self.app(scope, receive, send)  # returns after the last body message, or raises
        finally:
            self._in_flight -= 1

    async def _reject(self, send: Send) -> None:
        body = b'{"detail":"pod at capacity, retry shortly"}'
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(self.retry_after_s).encode()),
        ]
        await send({"type": "http.response.start", "status": 503, "headers": headers})
        await send({"type": "http.response.body", "body": body})
