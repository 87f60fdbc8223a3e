"""Pitfall: the open breaker's retry_after truncated with int() instead of rounded up.

Rejected by: test_open_breaker_refuses_before_the_first_byte
Why it is wrong: a client told "44" when 44.5 s remain comes back while the breaker is still open and is
refused again; Retry-After is whole seconds, never earlier than the moment the breaker half-opens.
"""

from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI, HTTPException

from solutions.safe_calls.stream_fan_in.streaming_gateway import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.streaming_gateway import CircuitOpen, _Gateway, _Observed


class _FloorGateway(_Gateway):
    async def guarded_by_breaker(self) -> AsyncIterator[_Observed]:
        try:
            self.breaker.before_call()
        except CircuitOpen as exc:
            raise HTTPException(503, headers={"Retry-After": str(int(exc.retry_after))}) from None
        seen = _Observed()
        try:
            yield seen
        finally:
            self._record(seen)


def create_app(**kwargs: Any) -> FastAPI:
    return _FloorGateway(**kwargs).app()
