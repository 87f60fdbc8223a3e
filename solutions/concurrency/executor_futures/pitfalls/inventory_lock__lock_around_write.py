"""Pitfall: a lock around the write only.

Rejected by: test_the_last_unit_is_sold_once
Why it is wrong: the race is between the read and the write; locking set() alone serialises two
writes that were both computed from the same stale read.
"""

from __future__ import annotations

import threading

from solutions.concurrency.executor_futures.inventory_lock import *  # the rest is the reference
from solutions.concurrency.executor_futures.inventory_lock import Inventory as _Reference

_write_lock = threading.Lock()


class Inventory(_Reference):
    def reserve(self, sku: str, qty: int = 1) -> bool:
        available = self._store.get(sku)
        if available < qty:
            return False
        with _write_lock:
            self._store.set(sku, available - qty)
        return True
