"""Pitfall: reading `response.elapsed` inside the response hook.

Rejected by: test_elapsed_comes_from_the_injected_clock
Why it is wrong: httpx sets `elapsed` only once the body has been read and closed, after the hooks ran,
so the hook raises RuntimeError; and a real clock cannot be tested anyway. Use the injected clock.
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

    async def record(response: httpx.Response) -> None:
        request = response.request
        entry: dict[str, Any] = {
            "method": request.method,
            "url": str(request.url),
            "status": response.status_code,
            "elapsed": response.elapsed.total_seconds(),
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
