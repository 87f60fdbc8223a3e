"""Pitfall: one global lock for every SKU.

Rejected by: test_different_skus_do_not_wait_for_each_other
Why it is wrong: it is correct but serialises every reservation in the shop behind one slow store call;
throughput collapses to one reservation at a time although different SKUs never conflict.
"""

from __future__ import annotations

import threading

from solutions.concurrency.executor_futures.inventory_lock import *  # the rest is the reference
from solutions.concurrency.executor_futures.inventory_lock import Inventory as _Reference


class Inventory(_Reference):
    _one_lock = threading.Lock()

    def _lock_for(self, sku: str) -> threading.Lock:
        return self._one_lock
