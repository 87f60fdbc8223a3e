"""Exercise 2 of httpx_timeouts: which budget ran out? Phase timeouts and the overall deadline told apart.

Brief: katas/http_clients/httpx_timeouts/README.md. Run: `kata run which_phase`.
"""

from __future__ import annotations

from typing import Literal

import httpx

Phase = Literal["pool", "connect", "write", "read", "deadline", "none"]


def timeout_phase(exc: BaseException) -> Phase:
    """Name the budget that ran out: "pool", "connect", "write" or "read" for httpx's phase timeouts,
    "deadline" for the builtin TimeoutError (what asyncio.timeout raises), and "none" for anything else,
    including errors that are not timeouts at all (a refused connection, a dropped one, a 500)."""
    raise NotImplementedError


async def attempt(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    content: bytes | None = None,
    deadline: float | None = None,
) -> int | Phase:
    """Send the request and read the whole answer, all within `deadline` seconds when one is given
    (None: no overall deadline, only the client's phase budgets; 0: the time is
    already up).

    Return the status code, or the name of the budget that ran out (see timeout_phase). Any other error
    propagates unchanged.
    """
    raise NotImplementedError
