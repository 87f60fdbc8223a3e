"""Reference solution: inventory_lock."""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Protocol


class StockStore(Protocol):
    def get(self, sku: str) -> int: ...

    def set(self, sku: str, value: int) -> None: ...


class Inventory:
    def __init__(self, store: StockStore) -> None:
        self._store = store
        self._locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
        self._locks_guard = threading.Lock()  # creating a per-SKU lock is itself a read-modify-write

    def _lock_for(self, sku: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks[sku]

    def reserve(self, sku: str, qty: int = 1) -> bool:
        with self._lock_for(sku):  # one lock around the whole read-check-write
            available = self._store.get(sku)
            if available < qty:
                return False
            self._store.set(sku, available - qty)
            return True
