"""Reference solution: pumped_streams."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing
from dataclasses import dataclass
from typing import Any, Final, Literal, TypeVar

T = TypeVar("T")


class Heartbeat:
    """The type of HEARTBEAT."""


HEARTBEAT: Final = Heartbeat()


@dataclass(frozen=True)
class SourceFailed:
    index: int
    error: BaseException


class MergeIdle(Exception):
    """No source of a merge produced anything (item, error or end) for idle_s."""


_ITEM, _ERROR, _END = "item", "error", "end"


async def _pump(index: int, source: AsyncIterator[Any], queue: asyncio.Queue[tuple[int, str, Any]]) -> None:
    """Copy one source into the queue, then its end or its error (as a value, never as text)."""
    try:
        async with aclosing(source) as upstream:  # type: ignore[type-var]
            async for item in upstream:
                await queue.put((index, _ITEM, item))
    except Exception as exc:
        await queue.put((index, _ERROR, exc))
    else:
        await queue.put((index, _END, None))


async def _stop(tasks: list[asyncio.Task[None]]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)  # wait until their `finally`s have run


async def decoupled(
    source: AsyncIterator[T], *, max_buffer: int, heartbeat_s: float | None = None
) -> AsyncIterator[T | Heartbeat]:
    queue: asyncio.Queue[tuple[int, str, Any]] = asyncio.Queue(maxsize=max_buffer)
    pump = asyncio.create_task(_pump(0, source, queue))
    try:
        while True:
            try:
                async with asyncio.timeout(heartbeat_s):  # times out *our* wait, never the source
                    _, kind, value = await queue.get()
            except TimeoutError:
                yield HEARTBEAT
                continue
            if kind == _END:
                return
            if kind == _ERROR:
                raise value
            yield value
    finally:
        await _stop([pump])


async def merge(
    *sources: AsyncIterator[T],
    idle_s: float | None = None,
    on_error: Literal["raise", "report"] = "raise",
) -> AsyncIterator[tuple[int, T | SourceFailed]]:
    queue: asyncio.Queue[tuple[int, str, Any]] = asyncio.Queue(maxsize=max(1, len(sources)))
    pumps = [asyncio.create_task(_pump(i, source, queue)) for i, source in enumerate(sources)]
    live = len(pumps)
    try:
        while live:
            try:
                async with asyncio.timeout(idle_s):
                    index, kind, value = await queue.get()
            except TimeoutError:
                raise MergeIdle(f"no source produced anything for {idle_s} s") from None
            if kind == _ITEM:
                yield index, value
                continue
            live -= 1
            if kind == _ERROR:
                if on_error == "raise":
                    raise value
                yield index, SourceFailed(index, value)
    finally:
        await _stop(pumps)
