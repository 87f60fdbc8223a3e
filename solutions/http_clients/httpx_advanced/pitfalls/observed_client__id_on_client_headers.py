"""Pitfall: putting the request ID on the shared client's headers instead of on the outgoing request.

Rejected by: test_concurrent_tasks_keep_their_own_request_ids, test_request_id_from_the_context_is_sent_and_recorded
Why it is wrong: the client is shared by every task, and its headers are merged when a request is built,
before the hook runs; each request goes out with the ID of whichever task ran the hook before it.
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
        client.headers["X-Request-ID"] = request_id.get() or uuid.uuid4().hex
        request.extensions["kata_start"] = clock()

    async def record(response: httpx.Response) -> None:
        request = response.request
        entry: dict[str, Any] = {
            "method": request.method,
            "url": str(request.url),
            "status": response.status_code,
            "elapsed": clock() - request.extensions["kata_start"],
            "request_id": request.headers.get("X-Request-ID"),
        }
        if response.status_code >= 400:
            await response.aread()
            entry["error_body"] = response.text[:200]
        records.append(entry)

    client = httpx.AsyncClient(
        base_url=base_url,
        headers={"User-Agent": user_agent},
        event_hooks={"request": [stamp], "response": [record]},
        **client_kwargs,
    )
    return client
