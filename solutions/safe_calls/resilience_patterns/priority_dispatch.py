"""Reference solution: priority_dispatch."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from typing import Any

Entry = tuple[int, int, "asyncio.Future[Any]", Any]  # (priority, sequence, future, payload)


class QueueFull(Exception):
    """The backlog already holds max_queue items."""


class DispatcherClosed(Exception):
    """The dispatcher stopped before this item's call finished."""


class PriorityDispatcher:
    def __init__(
        self, call: Callable[[Any], Awaitable[Any]], *, workers: int = 1, max_queue: int = 100
    ) -> None:
        self._call = call
        self._worker_count = workers
        self.max_queue = max_queue
        self._sequence = itertools.count()  # ties on priority are broken by arrival: FIFO
        self._queue: asyncio.PriorityQueue[Entry] | None = None
        self._workers: list[asyncio.Task[None]] = []

    async def __aenter__(self) -> PriorityDispatcher:
        self._queue = asyncio.PriorityQueue()
        self._workers = [asyncio.create_task(self._work()) for _ in range(self._worker_count)]
        return self

    async def __aexit__(self, *exc: object) -> None:
        for worker in self._workers:
            worker.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        assert self._queue is not None
        while not self._queue.empty():
            _, _, future, _ = self._queue.get_nowait()
            if not future.done():
                future.set_exception(DispatcherClosed("the dispatcher stopped before this item ran"))

    def qsize(self) -> int:
        return self._queue.qsize() if self._queue is not None else 0

    async def submit(self, payload: Any, *, priority: int) -> Any:
        assert self._queue is not None, "use `async with PriorityDispatcher(...)`"
        if self._queue.qsize() >= self.max_queue:
            raise QueueFull(f"{self.max_queue} items already waiting")
        future = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((priority, next(self._sequence), future, payload))
        return await future  # a cancelled submitter cancels the future, and the worker skips it

    async def _work(self) -> None:
        assert self._queue is not None
        while True:
            _, _, future, payload = await self._queue.get()
            if future.done():  # the submitter gave up while queued: skip the vendor call too
                continue
            try:
                result = await self._call(payload)
            except asyncio.CancelledError:
                if not future.done():
                    future.set_exception(DispatcherClosed("the dispatcher stopped during this call"))
                raise
            except Exception as exc:  # belongs to this submitter only; the worker keeps serving
                if not future.done():
                    future.set_exception(exc)
            else:
                if not future.done():
                    future.set_result(result)
