"""Exercise 1 of httpx_migration: carry an aiohttp timeout over to httpx without changing what it means.

Brief: katas/http_clients/httpx_migration/README.md. Run: `kata run translate_timeouts`.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class AiohttpTimeoutSpec:
    """A plain mirror of aiohttp.ClientTimeout's fields (aiohttp itself is not needed).

    total: the whole exchange, connecting and reading the body included.
    connect: waiting for a free connection from the pool plus connecting.
    sock_connect: the TCP connect (and TLS) to the server only.
    sock_read: the wait for each read from the socket; it restarts after every chunk.
    """

    total: float | None = None
    connect: float | None = None
    sock_connect: float | None = None
    sock_read: float | None = None


@dataclass(frozen=True)
class HttpxTimeoutPlan:
    """What httpx needs: four phase budgets, and an overall deadline httpx itself has no setting for."""

    phases: httpx.Timeout
    overall: float | None


def translate(spec: AiohttpTimeoutSpec, *, write: float = 10.0, fallback: float = 30.0) -> HttpxTimeoutPlan:
    """Map an aiohttp timeout onto httpx's four phases plus an overall deadline.

    - read <- sock_read; connect <- sock_connect, else connect; pool <- connect (aiohttp's connect also
      covers waiting for a pooled connection); write <- min(write, total) (write alone when no total).
    - Any phase still unset <- total, else `fallback`. overall <- total (None when there is none).
    - A spec with every field None raises ValueError (there is nothing to translate).
    """
    raise NotImplementedError


async def fetch_text(client: httpx.AsyncClient, url: str, plan: HttpxTimeoutPlan) -> str:
    """GET `url` and return the body as text, with `plan.phases` as this request's timeout and
    `plan.overall` (when set) as a deadline on the whole exchange. The client's own settings stay as they
    were; an expired overall deadline raises the builtin TimeoutError, a phase timeout httpx's own error."""
    raise NotImplementedError
