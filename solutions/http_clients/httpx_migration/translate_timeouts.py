"""Reference solution: translate_timeouts."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class AiohttpTimeoutSpec:
    total: float | None = None
    connect: float | None = None
    sock_connect: float | None = None
    sock_read: float | None = None


@dataclass(frozen=True)
class HttpxTimeoutPlan:
    phases: httpx.Timeout
    overall: float | None


def translate(spec: AiohttpTimeoutSpec, *, write: float = 10.0, fallback: float = 30.0) -> HttpxTimeoutPlan:
    if spec == AiohttpTimeoutSpec():
        raise ValueError("every field of the aiohttp timeout is None: nothing to translate")
    unset = spec.total if spec.total is not None else fallback

    def pick(*candidates: float | None) -> float:
        return next((c for c in candidates if c is not None), unset)

    # All four keywords, always: httpx.Timeout(connect=..., read=...) alone raises ValueError.
    phases = httpx.Timeout(
        connect=pick(spec.sock_connect, spec.connect),
        read=pick(spec.sock_read),
        write=min(write, spec.total) if spec.total is not None else write,
        pool=pick(spec.connect),
    )
    return HttpxTimeoutPlan(phases=phases, overall=spec.total)


async def fetch_text(client: httpx.AsyncClient, url: str, plan: HttpxTimeoutPlan) -> str:
    async with asyncio.timeout(plan.overall):  # httpx's budgets are per phase, never for the whole exchange
        response = await client.get(url, timeout=plan.phases)
    return response.text
