"""Pitfall: the start time lives in one variable shared by the hooks, not with each request.

Rejected by: test_overlapping_requests_time_themselves
Why it is wrong: with requests in flight at once, every new request overwrites the start of the
earlier ones, so a slow call is recorded as fast exactly when the service is busy.
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
    started = 0.0

    async def stamp(request: httpx.Request) -> None:
        nonlocal started
        request.headers["X-Request-ID"] = request_id.get() or uuid.uuid4().hex
        started = clock()

    async def record(response: httpx.Response) -> None:
        request = response.request
        entry: dict[str, Any] = {
            "method": request.method,
            "url": str(request.url),
            "status": response.status_code,
            "elapsed": clock() - started,
            "request_id": request.headers["X-Request-ID"],
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
