"""Reference solution: ordered_gateway."""

from __future__ import annotations

import asyncio
import math
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from katas.safe_calls.production_stack.tier_quota import QuotaExceeded as QuotaExceeded  # re-exported


class QueueTimeout(Exception):
    """Could not start within queue_timeout_s."""


class CallTimeout(Exception):
    """The vendor call exceeded call_timeout_s."""


@dataclass(eq=False)
class VendorError(Exception):
    status: int


@dataclass(eq=False)
class BreakerOpen(Exception):
    retry_after: float


@dataclass(eq=False)
class VendorQuotaExhausted(Exception):
    retry_after: float


class QuotaCheck(Protocol):
    async def hit(self, key: str, tier: str, scope: str = "default") -> int: ...


class Breaker(Protocol):
    def before_call(self) -> None: ...
    def record_success(self) -> None: ...
    def record_failure(self) -> None: ...
    def record_neutral(self) -> None: ...


class VendorLimiter(Protocol):
    async def acquire(self, timeout_s: float) -> None: ...


@dataclass
class Gateway:
    client: httpx.AsyncClient
    url: str
    quota: QuotaCheck
    breaker: Breaker
    vendor_limiter: VendorLimiter
    local_limiter: AbstractAsyncContextManager[Any]
    slots: asyncio.Semaphore
    queue_timeout_s: float = 5.0
    call_timeout_s: float = 30.0

    async def call(self, user_id: str, tier: str, payload: dict[str, Any]) -> dict[str, Any]:
        await self.quota.hit(user_id, tier, "vendor")  # reject: cheap, holds nothing
        self.breaker.before_call()
        try:
            await self._wait_for_capacity()  # wait: bounded by the queue timeout only
        except BaseException:
            self.breaker.record_neutral()  # our overload says nothing about the vendor
            raise
        try:
            try:
                async with asyncio.timeout(self.call_timeout_s):  # call: its own budget
                    response = await self.client.post(self.url, json=payload)
            finally:
                self.slots.release()
        except TimeoutError:
            self.breaker.record_failure()
            raise CallTimeout(f"no answer within {self.call_timeout_s:g} s") from None
        except httpx.TransportError:
            self.breaker.record_failure()
            raise
        except BaseException:
            self.breaker.record_neutral()
            raise
        if response.status_code >= 400:
            (self.breaker.record_failure if response.status_code >= 500 else self.breaker.record_neutral)()
            raise VendorError(response.status_code)
        self.breaker.record_success()
        return response.json()

    async def _wait_for_capacity(self) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.queue_timeout_s
        try:
            async with asyncio.timeout_at(deadline):
                await self.vendor_limiter.acquire(max(0.0, deadline - loop.time()))
                async with self.local_limiter:
                    pass
                await self.slots.acquire()  # reserve last: never hold a slot while waiting for tokens
        except TimeoutError:
            raise QueueTimeout(f"no capacity within {self.queue_timeout_s:g} s") from None


def _retry_after(seconds: float) -> dict[str, str]:
    return {"Retry-After": str(max(0, math.ceil(seconds)))}


def install_error_mapping(app: FastAPI) -> None:
    def answer(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)

    async def quota(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, QuotaExceeded)
        return answer(429, "your quota is used up", _retry_after(exc.retry_after))

    async def breaker(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, BreakerOpen | VendorQuotaExhausted)
        return answer(503, "upstream temporarily unavailable", _retry_after(exc.retry_after))

    async def queue(request: Request, exc: Exception) -> JSONResponse:
        return answer(503, "server busy, try again shortly")

    async def call_timeout(request: Request, exc: Exception) -> JSONResponse:
        return answer(504, "upstream timed out")

    async def vendor(request: Request, exc: Exception) -> JSONResponse:
        return answer(502, "upstream error")

    app.add_exception_handler(QuotaExceeded, quota)
    app.add_exception_handler(BreakerOpen, breaker)
    app.add_exception_handler(VendorQuotaExhausted, breaker)
    app.add_exception_handler(QueueTimeout, queue)
    app.add_exception_handler(CallTimeout, call_timeout)
    app.add_exception_handler(VendorError, vendor)
