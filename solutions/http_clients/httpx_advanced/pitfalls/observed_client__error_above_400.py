"""Pitfall: error_body is recorded only when the status is above 400 (`> 400`), so a 400 goes without one.

Rejected by: test_a_400_is_an_error_too
Why it is wrong: 400 Bad Request is the error whose body matters most (the upstream says what it
rejected, field by field); dropping it leaves the on-call engineer with a status and no reason.
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
        if response.status_code > 400:
            await response.aread()
            entry["error_body"] = response.text[:200]
        records.append(entry)

    return httpx.AsyncClient(
        base_url=base_url,
        headers={"User-Agent": user_agent},
        event_hooks={"request": [stamp], "response": [record]},
        **client_kwargs,
    )
