"""Exercise 3 of httpx_advanced: a client that stamps a request ID and records every exchange through hooks.

Brief: katas/http_clients/httpx_advanced/README.md. Run: `kata run observed_client`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

import httpx

# The ID of the request being served right now (set by your web framework's middleware, per task).
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def build_observed_client(
    base_url: str,
    *,
    records: list[dict[str, Any]],
    clock: Callable[[], float],
    user_agent: str = "kata-client/1.0",
    **client_kwargs: Any,
) -> httpx.AsyncClient:
    """An AsyncClient for `base_url` that sends `User-Agent: <user_agent>` and observes every exchange.

    Through event hooks (on an AsyncClient they must be `async def`):
    - on every outgoing request (each redirect hop too): set `X-Request-ID` to `request_id.get()`, or to a
      fresh `uuid.uuid4().hex` when none is set; note the start time from `clock()`;
    - on every response: append one dict to `records` with the keys
      `method`, `url` (the full URL as a str), `status`, `elapsed` (`clock()` now minus at the start),
      `request_id` (the ID that was sent), and, only when the status is >= 400, `error_body` (the first
      200 characters of the body). The response hook gets the body unread.
    Pass `client_kwargs` (transport=, follow_redirects=, ...) on to the AsyncClient.
    """
    raise NotImplementedError
