"""Pitfall: retrying every HTTP error, 4xx included.

Rejected by: test_client_errors_are_not_retried
Why it is wrong: a 400, 401, 403, 404 or 422 fails the same way on every attempt; retrying triples the
load and the latency and still fails.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from solutions.safe_calls.retry_discipline.backoff_schedule import full_jitter
from solutions.safe_calls.retry_discipline.safe_caller import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.safe_caller import GaveUp
from solutions.safe_calls.retry_discipline.safe_caller import SafeCaller as Reference


class SafeCaller(Reference):
    async def post_json(self, path: str, payload: Mapping[str, Any]) -> Any:
        key = self._new_key()
        for attempt in range(self._policy.max_attempts):
            try:
                return await self._attempt(path, payload, key)
            except httpx.HTTPError as exc:
                if attempt + 1 == self._policy.max_attempts:
                    status = exc.response.status_code if isinstance(exc, httpx.HTTPStatusError) else None
                    raise GaveUp(attempts=attempt + 1, status=status) from exc
            await self._sleep(full_jitter(attempt, rng=self._rng))
        raise AssertionError("unreachable")
