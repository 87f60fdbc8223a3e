"""Pitfall: aclose() calls shutdown(wait=True) directly inside the coroutine.

Rejected by: test_aclose_does_not_block_the_loop
Why it is wrong: shutdown(wait=True) blocks until running work ends; called on the loop's thread it
freezes every other task (health checks, the requests still draining) for as long as that takes.
"""

from __future__ import annotations

from solutions.concurrency.choosing_concurrency.dispatch_by_workload import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.dispatch_by_workload import Dispatcher as _Dispatcher


class Dispatcher(_Dispatcher):
    async def aclose(self) -> None:
        for pool in self._pools.values():
            pool.shutdown(wait=True)
