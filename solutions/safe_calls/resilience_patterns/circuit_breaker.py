"""Reference solution: circuit_breaker."""

from __future__ import annotations

import enum
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass

import httpx


class State(enum.StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@dataclass(eq=False)
class CircuitOpen(Exception):
    retry_after: float


_VENDOR_TROUBLE = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError, TimeoutError)
_PROBE_BUSY_RETRY_S = 1.0  # a probe is in flight: its answer decides soon


def counts_as_failure(exc: BaseException) -> bool:
    if isinstance(exc, httpx.HTTPStatusError):
        return exc.response.status_code >= 500
    return isinstance(exc, _VENDOR_TROUBLE)


class CircuitBreaker:
    def __init__(
        self,
        *,
        failure_threshold: int = 5,
        success_threshold: int = 2,
        open_s: float = 60.0,
        half_open_max_probes: int = 1,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.failure_threshold = failure_threshold
        self.success_threshold = success_threshold
        self.open_s = open_s
        self.half_open_max_probes = half_open_max_probes
        self._clock = clock or time.monotonic
        self._enter(State.CLOSED)

    def _enter(self, state: State) -> None:
        """Every transition resets the counters that belong to the state being entered."""
        self._state = state
        self._failures = self._successes = self._probes = 0
        if state is State.OPEN:
            self._opened_at = self._clock()

    @property
    def state(self) -> State:
        if self._state is State.OPEN and self._clock() - self._opened_at >= self.open_s:
            self._enter(State.HALF_OPEN)
        return self._state

    def before_call(self) -> None:
        state = self.state
        if state is State.OPEN:
            raise CircuitOpen(self.open_s - (self._clock() - self._opened_at))
        if state is State.HALF_OPEN:
            if self._probes >= self.half_open_max_probes:
                raise CircuitOpen(_PROBE_BUSY_RETRY_S)
            self._probes += 1

    def record_success(self) -> None:
        state = self.state
        if state is State.CLOSED:
            self._failures = 0
        elif state is State.HALF_OPEN:
            self._probes = max(0, self._probes - 1)
            self._successes += 1
            if self._successes >= self.success_threshold:
                self._enter(State.CLOSED)

    def record_failure(self) -> None:
        state = self.state
        if state is State.HALF_OPEN:
            self._enter(State.OPEN)
        elif state is State.CLOSED:
            self._failures += 1
            if self._failures >= self.failure_threshold:
                self._enter(State.OPEN)

    def record_neutral(self) -> None:
        if self.state is State.HALF_OPEN:
            self._probes = max(0, self._probes - 1)

    def guard(self) -> AbstractAsyncContextManager[None]:
        return self._guard()

    @asynccontextmanager
    async def _guard(self) -> AsyncIterator[None]:
        self.before_call()
        try:
            yield
        except BaseException as exc:
            (self.record_failure if counts_as_failure(exc) else self.record_neutral)()
            raise
        self.record_success()
