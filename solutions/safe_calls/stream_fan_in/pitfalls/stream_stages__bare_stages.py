"""Pitfall: stages written as a bare `async for item in source: yield ...`.

Rejected by: test_closing_the_pipeline_closes_the_source_at_once
Why it is wrong: closing the last stage only closes that generator; the ones below stay suspended until
the event loop's async-generator finaliser gets to them (a tick later, or much later if anything still
references them), and the HTTP response at the bottom stays open meanwhile.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Callable
from typing import TypeVar

from solutions.safe_calls.stream_fan_in.stream_stages import *  # the rest is the reference

T = TypeVar("T")
U = TypeVar("U")


async def amap(source: AsyncIterable[T], fn: Callable[[T], U]) -> AsyncIterator[U]:
    async for item in source:
        yield fn(item)


async def afilter(source: AsyncIterable[T], pred: Callable[[T], bool]) -> AsyncIterator[T]:
    async for item in source:
        if pred(item):
            yield item


async def abatch(source: AsyncIterable[T], size: int) -> AsyncIterator[list[T]]:
    if size <= 0:
        raise ValueError(size)
    batch: list[T] = []
    async for item in source:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
