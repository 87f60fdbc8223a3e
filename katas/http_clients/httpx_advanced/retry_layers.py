"""Exercise 5 of httpx_advanced: two retry layers, each doing only what it can do safely.

Brief: katas/http_clients/httpx_advanced/README.md. Run: `kata run retry_layers`.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from typing import Any

import httpx


def connect_retry_transport(
    retries: int, limits: httpx.Limits, **transport_kwargs: Any
) -> httpx.AsyncHTTPTransport:
    """A transport that re-attempts only connection setup (up to `retries` more times) and keeps `limits`.

    Give it to a client as `AsyncClient(transport=...)`; pass `transport_kwargs` (verify=, ...) on.
    """
    raise NotImplementedError


def should_retry(
    method: str, *, exc: BaseException | None = None, response: httpx.Response | None = None
) -> bool:
    """May this outcome be retried? Exactly one of `exc` / `response` is given.

    - ConnectError, ConnectTimeout, PoolTimeout: yes, for any method (the request never left).
    - ReadTimeout, WriteTimeout, other network errors (ReadError, WriteError, ...), RemoteProtocolError:
      only for idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE): the server may have
      acted on the request already.
    - Status 429, 502, 503, 504: only for idempotent methods.
    - Anything else (other 4xx and 5xx, 2xx, LocalProtocolError, other exceptions): no.
    """
    raise NotImplementedError


async def send_with_retries(
    client: httpx.AsyncClient,
    request: httpx.Request,
    *,
    attempts: int,
    base_delay: float,
    max_delay: float,
    sleep: Callable[[float], Awaitable[None]],
    rng: random.Random,
) -> httpx.Response:
    """Send `request` up to `attempts` times, as `should_retry` allows.

    After failed attempt n (0-based) that may be retried, and is not the last, wait
    `await sleep(rng.uniform(0, min(max_delay, base_delay * 2**n)))` (full jitter), then send again.
    Return the first response that is not retried, or the last response when attempts run out; re-raise
    a transport error (httpx.TransportError) that is not retried or happened on the last attempt. Never
    return None.
    """
    raise NotImplementedError
