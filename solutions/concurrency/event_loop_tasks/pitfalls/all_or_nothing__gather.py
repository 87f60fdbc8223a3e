"""Pitfall: asyncio.gather, which stops waiting at the first error but cancels nothing.

Rejected by: test_a_failure_cancels_the_siblings, test_no_orphan_tasks_after_a_failure
Why it is wrong: the siblings keep running after the caller has failed (orphans spending upstream
quota, holding connections), and the failure arrives bare instead of as an ExceptionGroup.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

from solutions.concurrency.event_loop_tasks.all_or_nothing import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.all_or_nothing import T, _labelled


async def fetch_all_or_nothing(ids: Sequence[int], fetch: Callable[[int], Awaitable[T]]) -> dict[int, T]:
    results = await asyncio.gather(*(_labelled(fetch, i) for i in ids))
    return dict(zip(ids, results, strict=True))
