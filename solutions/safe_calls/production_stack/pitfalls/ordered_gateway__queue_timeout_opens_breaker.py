"""Pitfall: recording a queue timeout as a vendor failure (the note's combined code records every TimeoutError).

Rejected by: test_queue_timeout_is_ours_not_the_vendors
Why it is wrong: a queue timeout means THIS pod is overloaded. Counting it against the vendor opens the
breaker during a traffic spike, and then every pod fails fast although the vendor is perfectly healthy.
"""

from __future__ import annotations

from typing import Any

from solutions.safe_calls.production_stack.ordered_gateway import *  # the rest is the reference
from solutions.safe_calls.production_stack.ordered_gateway import Gateway as _Reference
from solutions.safe_calls.production_stack.ordered_gateway import QueueTimeout


class Gateway(_Reference):
    async def call(self, user_id: str, tier: str, payload: dict[str, Any]) -> dict[str, Any]:
        try:
            return await super().call(user_id, tier, payload)
        except QueueTimeout:
            self.breaker.record_failure()
            raise
