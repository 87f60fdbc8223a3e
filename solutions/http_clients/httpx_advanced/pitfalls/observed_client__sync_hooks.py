"""Pitfall: plain `def` hooks on an AsyncClient.

Rejected by: test_request_id_from_the_context_is_sent_and_recorded, test_user_agent_is_sent
Why it is wrong: AsyncClient awaits every hook; a sync hook returns None and the call fails with
"object NoneType can't be used in 'await' expression", so every request through the client breaks.
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
    def stamp(request: httpx.Request) -> None:
        request.headers["X-Request-ID"] = request_id.get() or uuid.uuid4().hex
        request.extensions["kata_start"] = clock()

    def record(response: httpx.Response) -> None:
        request = response.request
        records.append(
            {
                "method": request.method,
                "url": str(request.url),
                "status": response.status_code,
                "elapsed": clock() - request.extensions["kata_start"],
                "request_id": request.headers["X-Request-ID"],
            }
        )

    return httpx.AsyncClient(
        base_url=base_url,
        headers={"User-Agent": user_agent},
        event_hooks={"request": [stamp], "response": [record]},
        **client_kwargs,
    )
