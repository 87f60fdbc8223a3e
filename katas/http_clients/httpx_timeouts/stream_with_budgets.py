"""Exercise 3 of httpx_timeouts: stream lines under an idle budget and an overall deadline.

Brief: katas/http_clients/httpx_timeouts/README.md. Run: `kata run stream_with_budgets`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import httpx


@dataclass(frozen=True)
class Collected:
    """The lines that arrived, and why the collection ended."""

    lines: list[str]
    outcome: Literal["complete", "idle", "deadline"]


async def collect_lines(client: httpx.AsyncClient, url: str, *, idle: float, deadline: float) -> Collected:
    """Stream GET `url` and collect its text lines as they arrive.

    - "complete": the body ended normally;
    - "idle": the server sent nothing for `idle` seconds (at the start or between lines);
    - "deadline": the whole exchange (the wait for the response headers included) passed `deadline`
      seconds, however steadily lines were arriving.

    Keep the lines received before a budget ran out. Leave the client as it was (its timeout is shared
    with every other request), and the response closed when returning.
    """
    raise NotImplementedError
