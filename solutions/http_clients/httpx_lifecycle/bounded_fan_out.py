"""Reference solution: bounded_fan_out."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Sequence
from typing import Any

import httpx


def build_client(
    base_url: str,
    *,
    max_sockets: int,
    idle_sockets: int,
    pool_wait: float,
    io_timeout: float = 30.0,
    connect_retries: int = 0,
    verify: ssl.SSLContext | bool = True,
    **client_kwargs: Any,
) -> httpx.AsyncClient:
    # Limits, retries and TLS belong to the transport that owns the pool; timeouts travel with requests.
    limits = httpx.Limits(
        max_connections=max_sockets, max_keepalive_connections=idle_sockets, keepalive_expiry=5.0
    )
    transport = httpx.AsyncHTTPTransport(limits=limits, retries=connect_retries, verify=verify)
    timeout = httpx.Timeout(io_timeout, pool=pool_wait)
    return httpx.AsyncClient(base_url=base_url, transport=transport, timeout=timeout, **client_kwargs)


async def fan_out(client: httpx.AsyncClient, paths: Sequence[str]) -> list[int]:
    tasks = [asyncio.ensure_future(client.get(path)) for path in paths]
    try:
        responses = await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    return [response.status_code for response in responses]
