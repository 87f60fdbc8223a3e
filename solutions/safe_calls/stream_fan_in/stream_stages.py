"""Reference solution: stream_stages."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterable, AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True)
class SSEEvent:
    data: str
    event: str = "message"
    id: str | None = None
    retry_ms: int | None = None


@asynccontextmanager
async def _owned(source: AsyncIterable[T]) -> AsyncIterator[AsyncIterator[T]]:
    """Iterate `source` and close it when we are done, whichever way we are done."""
    iterator = aiter(source)
    try:
        yield iterator
    finally:
        aclose = getattr(iterator, "aclose", None)
        if aclose is not None:
            await aclose()


async def parse_sse(lines: AsyncIterable[str]) -> AsyncIterator[SSEEvent]:
    data: list[str] = []
    event, last_id, retry = "", None, None
    async with _owned(lines) as upstream:
        async for raw in upstream:
            line = raw.rstrip("\r\n")
            if not line:
                if data:
                    yield SSEEvent("\n".join(data), event or "message", last_id, retry)
                data, event, retry = [], "", None
                continue
            if line.startswith(":"):
                continue
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "data":
                data.append(value)
            elif name == "event":
                event = value
            elif name == "id" and "\0" not in value:
                last_id = value
            elif name == "retry" and value.isdigit():
                retry = int(value)


async def chat_deltas(events: AsyncIterable[SSEEvent]) -> AsyncIterator[str]:
    async with _owned(events) as upstream:
        async for sse in upstream:
            if sse.data == "[DONE]":
                return
            choices = json.loads(sse.data).get("choices") or [{}]
            content = (choices[0].get("delta") or {}).get("content")
            if content:
                yield content


async def amap(source: AsyncIterable[T], fn: Callable[[T], U]) -> AsyncIterator[U]:
    async with _owned(source) as upstream:
        async for item in upstream:
            yield fn(item)


async def afilter(source: AsyncIterable[T], pred: Callable[[T], bool]) -> AsyncIterator[T]:
    async with _owned(source) as upstream:
        async for item in upstream:
            if pred(item):
                yield item


async def abatch(source: AsyncIterable[T], size: int) -> AsyncIterator[list[T]]:
    if size <= 0:
        raise ValueError(f"batch size must be positive, got {size}")
    batch: list[T] = []
    async with _owned(source) as upstream:
        async for item in upstream:
            batch.append(item)
            if len(batch) == size:
                yield batch
                batch = []
    if batch:
        yield batch


async def throttle(source: AsyncIterable[T], *, per_second: float) -> AsyncIterator[T]:
    loop = asyncio.get_running_loop()
    interval = 1.0 / per_second
    last: float | None = None
    async with _owned(source) as upstream:
        async for item in upstream:
            if last is not None and (wait := last + interval - loop.time()) > 0:
                await asyncio.sleep(wait)
            last = loop.time()
            yield item
