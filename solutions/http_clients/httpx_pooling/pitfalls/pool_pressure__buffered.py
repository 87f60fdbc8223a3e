"""Pitfall: `(await client.get(path)).text.splitlines()[0]`.

Rejected by: test_reads_no_more_than_the_first_line_and_closes, test_empty_body_has_an_empty_first_line
Why it is wrong: the whole body is downloaded (and held in memory) to use one line of it; on a large or
endless feed that is unbounded memory and time.
"""

from __future__ import annotations

import httpx

from solutions.http_clients.httpx_pooling.pool_pressure import *  # the rest is the reference


async def status_and_first_line(client: httpx.AsyncClient, path: str) -> tuple[int, str]:
    response = await client.get(path)
    return response.status_code, response.text.splitlines()[0]
