"""Pitfall: retrying only timeouts and HTTP errors, so connection errors escape raw.

Rejected by: test_transport_errors_are_retried
Why it is wrong: a refused or reset connection (ConnectError, RemoteProtocolError) is as transient as a
timeout; letting it escape turns a blip into a 500 at the edge, without the GaveUp the edge expects.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from solutions.safe_calls.retry_discipline.safe_caller import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.safe_caller import GaveUp, Verdict, classify
from solutions.safe_calls.retry_discipline.safe_caller import SafeCaller as Reference


class SafeCaller(Reference):
    async def post_json(self, path: str, payload: Mapping[str, Any]) -> Any:
        key = self._new_key()
        for attempt in range(self._policy.max_attempts):
            try:
                return await self._attempt(path, payload, key)
            except (httpx.TimeoutException, TimeoutError, httpx.HTTPStatusError) as exc:
                if classify(exc) is Verdict.GIVE_UP or attempt + 1 == self._policy.max_attempts:
                    status = exc.response.status_code if isinstance(exc, httpx.HTTPStatusError) else None
                    raise GaveUp(attempts=attempt + 1, status=status) from exc
                delay = self._delay(attempt, exc)
            await self._sleep(delay)
        raise AssertionError("unreachable")
