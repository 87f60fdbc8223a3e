"""Pitfall: counting with `@app.middleware("http")`-style BaseHTTPMiddleware, try/finally around call_next.

Rejected by: test_a_stream_counts_until_its_last_chunk
Why it is wrong: call_next returns as soon as the wrapped app has sent its headers; the body is streamed
afterwards, outside the try/finally. A pod full of long streams then reports in_flight == 0 and admits
everyone: the limit protects nothing exactly when responses are slow.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from solutions.safe_calls.production_stack.pod_admission import *  # the rest is the reference


class InFlightLimiter:
    def __init__(
        self,
        app: ASGIApp,
        *,
        max_in_flight: int,
        exempt_paths: Collection[str] = ("/health", "/ready"),
        retry_after_s: int = 1,
    ) -> None:
        self.max_in_flight, self.exempt_paths, self.retry_after_s = max_in_flight, exempt_paths, retry_after_s
        self._in_flight = 0
        self._wrapped = BaseHTTPMiddleware(app, dispatch=self._dispatch)

    @property
    def in_flight(self) -> int:
        return self._in_flight

    async def _dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.url.path in self.exempt_paths:
            return await call_next(request)
        if self._in_flight >= self.max_in_flight:
            return JSONResponse(
                {"detail": "pod at capacity"}, 503, headers={"Retry-After": str(self.retry_after_s)}
            )
        self._in_flight += 1
        try:
            return await call_next(request)
        finally:
            self._in_flight -= 1

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._wrapped(scope, receive, send)
