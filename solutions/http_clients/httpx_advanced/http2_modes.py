"""Reference solution: http2_modes."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from typing import Any, Literal

import httpx

Mode = Literal["off", "negotiate", "prior-knowledge"]

# (http1, http2) per mode: http2=True only adds "h2" to the TLS ALPN offer; dropping http1 is what
# makes httpx speak HTTP/2 straight away over cleartext (prior knowledge).
_PROTOCOLS: dict[str, tuple[bool, bool]] = {
    "off": (True, False),
    "negotiate": (True, True),
    "prior-knowledge": (False, True),
}


def build_client(
    base_url: str, *, mode: Mode, max_connections: int = 1, **client_kwargs: Any
) -> httpx.AsyncClient:
    if mode not in _PROTOCOLS:
        raise ValueError(f"unknown HTTP/2 mode {mode!r}; expected one of {sorted(_PROTOCOLS)}")
    http1, http2 = _PROTOCOLS[mode]
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
    return httpx.AsyncClient(base_url=base_url, http1=http1, http2=http2, limits=limits, **client_kwargs)


async def versions_under_load(client: httpx.AsyncClient, paths: Sequence[str]) -> Counter[str]:
    responses = await asyncio.gather(*(client.get(path) for path in paths))
    return Counter(response.http_version for response in responses)
