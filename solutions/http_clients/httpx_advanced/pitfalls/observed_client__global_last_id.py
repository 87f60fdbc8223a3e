"""Pitfall: passing the request ID from the request hook to the response hook through a module global.

Rejected by: test_concurrent_tasks_keep_their_own_request_ids
Why it is wrong: hooks of concurrent requests interleave; the global holds whichever request was stamped
last, so records (and logs correlated by them) carry another task's ID.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx

from solutions.http_clients.httpx_advanced.observed_client import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.observed_client import request_id

_last_id = ""


def build_observed_client(
    base_url: str,
    *,
    records: list[dict[str, Any]],
    clock: Callable[[], float],
    user_agent: str = "kata-client/1.0",
    **client_kwargs: Any,
) -> httpx.AsyncClient:
    async def stamp(request: httpx.Request) -> None:
        global _last_id
        _last_id = request_id.get() or uuid.uuid4().hex
        request.headers["X-Request-ID"] = _last_id
        request.extensions["kata_start"] = clock()

    async def record(response: httpx.Response) -> None:
        request = response.request
        entry: dict[str, Any] = {
            "method": request.method,
            "url": str(request.url),
            "status": response.status_code,
            "elapsed": clock() - request.extensions["kata_start"],
            "request_id": _last_id,
        }
        if response.status_code >= 400:
            await response.aread()
            entry["error_body"] = response.text[:200]
        records.append(entry)

    return httpx.AsyncClient(
        base_url=base_url,
        headers={"User-Agent": user_agent},
        event_hooks={"request": [stamp], "response": [record]},
        **client_kwargs,
    )
