"""Pitfall: the policy's numbers written in as constants (3 attempts, Retry-After capped at 60 s).

Rejected by: test_the_policy_numbers_are_used
Why it is wrong: an operator who lowers max_attempts (the vendor is struggling) or the longest obeyed
Retry-After (a latency SLO) changes nothing; the caller keeps its built-in numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from solutions.safe_calls.retry_discipline.safe_caller import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.safe_caller import (
    GaveUp,
    Overloaded,
    Verdict,
    classify,
    retry_delay,
)
from solutions.safe_calls.retry_discipline.safe_caller import SafeCaller as _Ref


class SafeCaller(_Ref):
    async def post_json(self, path: str, payload: Mapping[str, Any]) -> Any:
        key = self._new_key()
        for attempt in range(3):
            try:
                return await self._attempt(path, payload, key)
            except Overloaded:
                raise
            except Exception as exc:
                if classify(exc) is Verdict.GIVE_UP or attempt + 1 == 3:
                    status = exc.response.status_code if isinstance(exc, httpx.HTTPStatusError) else None
                    raise GaveUp(attempts=attempt + 1, status=status) from exc
                delay = retry_delay(attempt, exc, rng=self._rng, now=self._now())
            await self._sleep(delay)
