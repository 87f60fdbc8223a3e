"""Exercise 3 of stream_fan_in: race several providers, commit to the first that streams, close the rest.

Brief: katas/safe_calls/stream_fan_in/README.md. Run: `kata run first_responder`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass

import httpx


@dataclass(eq=False)
class AllProvidersFailed(Exception):
    """Every provider failed before producing a first data line; `errors` maps provider -> its error."""

    errors: dict[str, BaseException]


def race_streams(
    client: httpx.AsyncClient, requests: Mapping[str, httpx.Request], *, first_item_s: float
) -> AsyncIterator[tuple[str, str]]:
    """Start every provider's stream at once; commit to the first to deliver a data line; relay it.

    Write it as an async generator (`async def` with `yield`).
    - Each provider's request is sent with `client.send(request, stream=True)`. A provider counts as
      first when its first `data:` line arrives (comment lines and blank lines do not count). A provider
      that answers an error status, fails, or ends without a data line is out of the race; the others
      go on.
    - Before the winner's first line is yielded, every other provider's task is cancelled and awaited and
      its response closed (a loser that keeps streaming keeps billing).
    - Then yield `(winner, line)` for the winner's first data line and each later data line, in order,
      none lost or repeated. The winner's response is closed when the relay ends or is closed.
    - Every provider failed: raise `AllProvidersFailed(errors)`, one entry per provider. Nobody delivered
      a data line within `first_item_s`: raise `TimeoutError` at that moment. In both cases every
      response is closed and no task is left running.
    """
    raise NotImplementedError
