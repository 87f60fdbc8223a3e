"""Reference solution: stream_deadlines."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from dataclasses import dataclass
from typing import Literal, TypeVar

T = TypeVar("T")

DeadlineKind = Literal["first", "idle", "total"]


@dataclass(eq=False)
class StreamTimeout(Exception):
    """The upstream stalled (`first`, `idle`) or the whole stream ran too long (`total`); `after_s` is
    the limit that was hit."""

    kind: DeadlineKind
    after_s: float


async def with_deadlines(
    source: AsyncIterator[T],
    *,
    first_item_s: float,
    idle_s: float,
    total_s: float,
    is_progress: Callable[[T], bool] = lambda item: True,
) -> AsyncIterator[T]:
    loop = asyncio.get_running_loop()
    total_at = loop.time() + total_s
    kind: DeadlineKind = "first"
    limit = first_item_s
    left = first_item_s  # waiting budget until the next progress item (consumer time is not counted)
    async with aclosing(source) as upstream:  # type: ignore[type-var]
        while True:
            waited_from = loop.time()
            local_at = waited_from + left
            at, hit, hit_s = (local_at, kind, limit) if local_at < total_at else (total_at, "total", total_s)
            deadline = asyncio.timeout_at(at)
            try:
                async with deadline:  # only the await on the upstream sits inside the scope
                    item = await anext(upstream)
            except StopAsyncIteration:
                return
            except TimeoutError:
                if deadline.expired():
                    raise StreamTimeout(hit, hit_s) from None
                raise
            if is_progress(item):
                kind, limit, left = "idle", idle_s, idle_s
            else:
                left -= loop.time() - waited_from
            yield item  # outside any timeout scope: the consumer may take as long as it likes
