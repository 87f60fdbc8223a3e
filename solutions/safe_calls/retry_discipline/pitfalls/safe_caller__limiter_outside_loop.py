"""Pitfall: entering the rate limiter once per logical call instead of once per attempt.

Rejected by: test_every_attempt_pays_the_limiter
Why it is wrong: retries are real requests; if only the first attempt pays a token, an incident that
makes every call retry twice triples the traffic the limiter believes it allowed.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import nullcontext
from typing import Any

from solutions.safe_calls.retry_discipline.safe_caller import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.safe_caller import SafeCaller as Reference


class SafeCaller(Reference):
    async def post_json(self, path: str, payload: Mapping[str, Any]) -> Any:
        limiter, self._limiter = self._limiter, nullcontext()
        try:
            async with limiter:
                return await super().post_json(path, payload)
        finally:
            self._limiter = limiter
