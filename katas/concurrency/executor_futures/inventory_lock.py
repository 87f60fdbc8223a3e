"""Exercise 4 of executor_futures: close the gap between read and write when threads share state.

Brief: katas/concurrency/executor_futures/README.md. Run: `kata run inventory_lock`.
"""

from __future__ import annotations

from typing import Protocol


class StockStore(Protocol):
    """Stock levels behind two separate, slow calls (think: a cache or a legacy API)."""

    def get(self, sku: str) -> int:
        """Current stock of `sku` (slow)."""
        raise NotImplementedError

    def set(self, sku: str, value: int) -> None:
        """Overwrite the stock of `sku` (slow)."""
        raise NotImplementedError


class Inventory:
    """Thread-safe reservations over a StockStore; many threads call reserve() at once."""

    def __init__(self, store: StockStore) -> None:
        """Keep the store; prepare whatever you need to make reservations safe."""
        raise NotImplementedError

    def reserve(self, sku: str, qty: int = 1) -> bool:
        """Take `qty` units of `sku` if that many are in stock and return True; otherwise change nothing
        (do not write at all) and return False. Never oversell, however many threads call at once.
        Stretch: reservations of different SKUs should not wait for each other."""
        raise NotImplementedError
