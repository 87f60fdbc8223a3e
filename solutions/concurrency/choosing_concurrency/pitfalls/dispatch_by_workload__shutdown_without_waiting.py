"""Pitfall: shutting the pools down with wait=False.

Rejected by: test_aclose_shuts_both_pools_down_and_waits
Why it is wrong: the application exits while workers are still mid-task; a process pool's children
are killed with their work half done. On shutdown, wait for running work (off the loop thread).
"""

from __future__ import annotations

from solutions.concurrency.choosing_concurrency.dispatch_by_workload import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.dispatch_by_workload import Dispatcher as _Reference


class Dispatcher(_Reference):
    async def aclose(self) -> None:
        for pool in self._pools.values():
            pool.shutdown(wait=False)
