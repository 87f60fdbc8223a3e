"""Pitfall: `response.text` in the response hook without `await response.aread()` first.

Rejected by: test_error_bodies_are_read_and_recorded
Why it is wrong: response hooks run before the body is read; on a streamed (real network) body
`.text` raises ResponseNotRead, so the one response you most wanted to log crashes the hook.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx

from solutions.http_clients.httpx_advanced.observed_client import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.observed_client import request_id


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
        request.extensions["kata_start"] = clock()

    async def record(response: httpx.Response) -> None:
        request = response.request
        entry: dict[str, Any] = {
            "method": request.method,
            "url": str(request.url),
            "status": response.status_code,
            "elapsed": clock() - request.extensions["kata_start"],
            "request_id": request.headers["X-Request-ID"],
        }
        if response.status_code >= 400:
            entry["error_body"] = response.text[:200]
        records.append(entry)

    return httpx.AsyncClient(
        base_url=base_url,
        headers={"User-Agent": user_agent},
        event_hooks={"request": [stamp], "response": [record]},
        **client_kwargs,
    )
