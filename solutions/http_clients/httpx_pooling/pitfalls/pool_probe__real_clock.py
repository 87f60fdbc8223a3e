"""Pitfall: timing with time.perf_counter() instead of the injected clock.

Rejected by: test_queued_requests_wait_for_the_only_connection
Why it is wrong: code that reads the real clock inside cannot be tested (or replayed) deterministically;
under a virtual clock it measures ~0 for a wait of seconds. Use the clock you were given.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from solutions.http_clients.httpx_pooling.pool_probe import *  # the rest is the reference
from solutions.http_clients.httpx_pooling.pool_probe import PoolProbe as _Reference


class PoolProbe(_Reference):
    def __init__(self, clock: Callable[[], float]) -> None:
        super().__init__(time.perf_counter)
