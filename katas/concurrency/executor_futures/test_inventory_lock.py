"""Tests for inventory_lock: the race between read and write is forced every time, not hoped for.

The test store's get() waits (at most 50 ms) at a barrier for a second reader: two unguarded
reservations are therefore certain to read the same stock before either writes.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from katas.concurrency.executor_futures.inventory_lock import Inventory


class SlowStore:
    """Stock in a dict; with `overlap=True`, get() waits for a second concurrent reader (50 ms cap)."""

    def __init__(self, stock: dict[str, int], *, overlap: bool = False) -> None:
        self.stock = dict(stock)
        self.sets: list[tuple[str, int]] = []
        self.met: list[bool] = []  # per read: did it meet a concurrent reader at the barrier?
        self._barrier = threading.Barrier(2, timeout=0.05) if overlap else None

    def get(self, sku: str) -> int:
        value = self.stock[sku]
        if self._barrier is not None:
            try:
                self._barrier.wait()
                self.met.append(True)
            except threading.BrokenBarrierError:
                self.met.append(False)
        return value

    def set(self, sku: str, value: int) -> None:
        self.sets.append((sku, value))
        self.stock[sku] = value


def _concurrently(inventory: Inventory, skus: list[str]) -> list[bool]:
    with ThreadPoolExecutor(max_workers=len(skus)) as pool:
        return list(pool.map(inventory.reserve, skus))


def test_a_single_reservation() -> None:
    store = SlowStore({"mug": 3})
    assert Inventory(store).reserve("mug", 2) is True, "3 mugs in stock, 2 asked for: should succeed"
    assert store.stock["mug"] == 1, f"3 - 2 leaves 1 in stock; the store holds {store.stock['mug']}"


def test_not_enough_stock_changes_nothing() -> None:
    store = SlowStore({"mug": 1})
    assert Inventory(store).reserve("mug", 2) is False, "1 mug in stock, 2 asked for: should fail"
    assert store.sets == [], f"a failed reservation must not write; the store saw set() calls {store.sets}"


def test_the_last_unit_is_sold_once() -> None:
    store = SlowStore({"mug": 1}, overlap=True)
    results = _concurrently(Inventory(store), ["mug", "mug"])
    assert sorted(results) == [False, True] and store.stock["mug"] == 0, (
        f"oversold: reservations returned {results}, stock ends at {store.stock['mug']}. Both threads read "
        "stock=1 before either wrote. Guard the whole read-check-write with one lock (a lock around set() "
        "alone leaves the gap open)."
    )


def test_different_skus_do_not_wait_for_each_other() -> None:
    store = SlowStore({"mug": 1, "tee": 1}, overlap=True)
    results = _concurrently(Inventory(store), ["mug", "tee"])
    assert results == [True, True], f"one mug and one tee, both in stock; got {results}"
    assert store.met == [True, True], (
        "the two readers of DIFFERENT SKUs never overlapped: one global lock serialised reservations that "
        "cannot conflict. Keep a lock per SKU (the dict of locks guarded by a small lock of its own)."
    )
