"""Limiters that count: prove each attempt paid for admission."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import Any


class CountingLimiter:
    """An async context manager that counts entries and exits, optionally wrapping a real limiter."""

    def __init__(self, inner: AbstractAsyncContextManager[Any] | None = None) -> None:
        self.inner = inner
        self.entered = 0
        self.exited = 0

    async def __aenter__(self) -> CountingLimiter:
        if self.inner is not None:
            await self.inner.__aenter__()
        self.entered += 1
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.exited += 1
        if self.inner is not None:
            await self.inner.__aexit__(exc_type, exc, tb)
