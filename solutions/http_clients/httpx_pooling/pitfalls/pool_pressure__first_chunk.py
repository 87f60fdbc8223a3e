"""Pitfall: the first line is taken from the first raw chunk of the body.

Rejected by: test_a_line_split_across_chunks_is_joined
Why it is wrong: chunk boundaries are wherever the network cut the bytes, not line ends; a line split
over two TCP reads comes back truncated. aiter_lines() buffers across chunks until a newline.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.pool_pressure import *  # the rest is the reference


async def status_and_first_line(client: httpx.AsyncClient, path: str) -> tuple[int, str]:
    async with client.stream("GET", path) as response:
        async for chunk in response.aiter_bytes():
            return response.status_code, chunk.decode().split("\n")[0]
        return response.status_code, ""
