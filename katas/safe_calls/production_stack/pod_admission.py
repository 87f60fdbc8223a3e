"""Exercise 3 of production_stack: pod admission control as pure ASGI middleware.

Brief: katas/safe_calls/production_stack/README.md. Run: `kata run pod_admission`.
"""

from __future__ import annotations

from collections.abc import Collection

from starlette.types import ASGIApp, Receive, Scope, Send


class InFlightLimiter:
    """Pure ASGI middleware: answer 503 at once, instead of queueing, when the pod already serves
    `max_in_flight` HTTP requests. The in-app, testable version of uvicorn's `--limit-concurrency`."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_in_flight: int,
        exempt_paths: Collection[str] = ("/health", "/ready"),
        retry_after_s: int = 1,
    ) -> None:
        """Wrap `app`. Requests to `exempt_paths` (the probes) are never counted nor rejected."""
        raise NotImplementedError

    @property
    def in_flight(self) -> int:
        """HTTP requests currently inside the wrapped app; a streaming response counts until its last
        body message has been sent, or until it is abandoned (client gone, app crashed)."""
        raise NotImplementedError

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Count the request around the whole ASGI call, or reject it without calling the wrapped app:
        status 503, a `Retry-After: <retry_after_s>` header and a short body. Scopes other than "http"
        (lifespan, websocket) pass straight through, uncounted."""
        raise NotImplementedError
