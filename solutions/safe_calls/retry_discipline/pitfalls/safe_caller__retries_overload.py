"""Pitfall: retrying our own admission rejection (the source note retries a first-attempt TimeoutError).

Rejected by: test_overload_fails_fast_without_retry
Why it is wrong: Overloaded means every slot stayed busy for the whole queue budget. Backing off and
queueing again keeps the request (and its caller) waiting longer and adds load exactly when the service
is saturated; fail fast so the edge can answer 503 at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from solutions.safe_calls.retry_discipline.backoff_schedule import full_jitter
from solutions.safe_calls.retry_discipline.safe_caller import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.safe_caller import Overloaded
from solutions.safe_calls.retry_discipline.safe_caller import SafeCaller as Reference


class SafeCaller(Reference):
    async def post_json(self, path: str, payload: Mapping[str, Any]) -> Any:
        for attempt in range(self._policy.max_attempts):
            try:
                return await super().post_json(path, payload)
            except Overloaded:
                if attempt + 1 == self._policy.max_attempts:
                    raise
            await self._sleep(full_jitter(attempt, rng=self._rng))
        raise AssertionError("unreachable")
