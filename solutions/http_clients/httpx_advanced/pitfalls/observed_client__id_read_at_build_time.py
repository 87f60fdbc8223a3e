"""Pitfall: reading the request ID once, when the client is built, and sending it as a client header.

Rejected by: test_concurrent_tasks_keep_their_own_request_ids, test_without_a_request_id_a_fresh_one_is_generated
Why it is wrong: the client is long-lived and shared; the ID belongs to the request being served now,
so it must be read per request (in the hook), not frozen at start-up.
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
    rid = request_id.get() or uuid.uuid4().hex

    async def stamp(request: httpx.Request) -> None:
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
            await response.aread()
            entry["error_body"] = response.text[:200]
        records.append(entry)

    return httpx.AsyncClient(
        base_url=base_url,
        headers={"User-Agent": user_agent, "X-Request-ID": rid},
        event_hooks={"request": [stamp], "response": [record]},
        **client_kwargs,
    )
