"""Reference solution: observed_client."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

import httpx

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

_START = "kata_start"  # our own request extension: where the request hook leaves the start time


def build_observed_client(
    base_url: str,
    *,
    records: list[dict[str, Any]],
    clock: Callable[[], float],
    user_agent: str = "kata-client/1.0",
    **client_kwargs: Any,
) -> httpx.AsyncClient:
    async def stamp(request: httpx.Request) -> None:
        request.headers["X-Request-ID"] = request_id.get() or uuid.uuid4().hex
        request.extensions[_START] = clock()

    async def record(response: httpx.Response) -> None:
        request = response.request
        entry: dict[str, Any] = {
            "method": request.method,
            "url": str(request.url),
            "status": response.status_code,
            "elapsed": clock() - request.extensions[_START],
            "request_id": request.headers["X-Request-ID"],
        }
        if response.status_code >= 400:
            await response.aread()  # hooks get the body unread
            entry["error_body"] = response.text[:200]
        records.append(entry)

    return httpx.AsyncClient(
        base_url=base_url,
        headers={"User-Agent": user_agent},
        event_hooks={"request": [stamp], "response": [record]},
        **client_kwargs,
    )
