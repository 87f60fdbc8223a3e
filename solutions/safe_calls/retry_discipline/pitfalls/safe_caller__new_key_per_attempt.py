"""Pitfall: generating the idempotency key inside the attempt, so every retry carries a new one.

Rejected by: test_one_idempotency_key_per_logical_call
Why it is wrong: when a POST times out after the vendor did the work, the retry looks like a new request;
the vendor can only de-duplicate if every attempt of one logical call carries the same key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from solutions.safe_calls.retry_discipline.safe_caller import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.safe_caller import SafeCaller as Reference


class SafeCaller(Reference):
    async def _attempt(self, path: str, payload: Mapping[str, Any], key: str) -> Any:
        return await super()._attempt(path, payload, self._new_key())
