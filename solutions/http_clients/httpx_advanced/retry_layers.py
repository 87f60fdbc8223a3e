"""Reference solution: retry_layers."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
RETRY_STATUSES = frozenset({429, 502, 503, 504})
# The request never reached the server: safe to resend whatever the method.
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# The server may have received (and acted on) the request.
MAYBE_SENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def connect_retry_transport(
    retries: int, limits: httpx.Limits, **transport_kwargs: Any
) -> httpx.AsyncHTTPTransport:
    # The pool lives in the transport: limits go here, a client's limits= is ignored once transport= is set.
    return httpx.AsyncHTTPTransport(retries=retries, limits=limits, **transport_kwargs)


def should_retry(
    method: str, *, exc: BaseException | None = None, response: httpx.Response | None = None
) -> bool:
    if isinstance(exc, NEVER_SENT):
        return True
    idempotent = method.upper() in IDEMPOTENT
    if exc is not None:
        return idempotent and isinstance(exc, MAYBE_SENT)
    return idempotent and response is not None and response.status_code in RETRY_STATUSES


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
    for attempt in range(attempts):
        last = attempt == attempts - 1
        try:
            response = await client.send(request)
        except httpx.TransportError as exc:
            if last or not should_retry(request.method, exc=exc):
                raise
        else:
            if last or not should_retry(request.method, response=response):
                return response
        await sleep(rng.uniform(0, min(max_delay, base_delay * 2**attempt)))
    raise ValueError("attempts must be at least 1")
