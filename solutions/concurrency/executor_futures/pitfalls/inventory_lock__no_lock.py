"""Pitfall: no lock at all ("the GIL makes it safe").

Rejected by: test_the_last_unit_is_sold_once
Why it is wrong: the GIL makes single bytecodes atomic, not your read-check-write across two slow
calls; both threads read stock=1, both write 0, and the last unit is sold twice.
"""

from __future__ import annotations

from solutions.concurrency.executor_futures.inventory_lock import *  # the rest is the reference
from solutions.concurrency.executor_futures.inventory_lock import Inventory as _Reference


class Inventory(_Reference):
    def reserve(self, sku: str, qty: int = 1) -> bool:
        available = self._store.get(sku)
        if available < qty:
            return False
        self._store.set(sku, available - qty)
        return True
