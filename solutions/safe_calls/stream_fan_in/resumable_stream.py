"""Reference solution: resumable_stream."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import aclosing
from dataclasses import dataclass, field

import httpx

from katas.safe_calls.guarded_streams.stream_deadlines import StreamTimeout, with_deadlines
from katas.safe_calls.stream_fan_in.stream_stages import SSEEvent, parse_sse


@dataclass(eq=False)
class StreamInterrupted(Exception):
    """Gave up resuming: how far the caller got, and the failure that ended it."""

    last_event_id: str | None
    delivered: int
    cause: BaseException


@dataclass
class _Follower:
    """One follower of the stream: where it stands, and the steps of reconnecting."""

    client: httpx.AsyncClient
    url: str
    max_resumes: int = 3
    default_retry_s: float = 1.0
    idle_s: float = 30.0
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    retry_s: float = field(init=False)  # the server's `retry:` replaces the default
    last_id: str | None = None
    seen: set[str] = field(default_factory=set)
    delivered: int = 0
    failures: int = 0  # in a row: progress resets it

    def __post_init__(self) -> None:
        self.retry_s = self.default_retry_s

    async def events(self) -> AsyncIterator[SSEEvent]:
        while True:
            try:
                async with self.client.stream("GET", self.url, headers=self._headers()) as response:
                    if self._told_to_stop(response):
                        return
                    lines = with_deadlines(
                        response.aiter_lines(), first_item_s=self.idle_s, idle_s=self.idle_s, total_s=math.inf
                    )
                    async with aclosing(parse_sse(lines)) as events:
                        async for event in events:
                            if self._take(event):
                                yield event
                return
            except (httpx.TransportError, StreamTimeout) as exc:
                self._count_failure(exc)
            await self.sleep(self.retry_s)  # the failed response is closed by now

    def _headers(self) -> dict[str, str]:
        resume = {"Last-Event-ID": self.last_id} if self.last_id else {}
        return {"Accept": "text/event-stream"} | resume

    def _told_to_stop(self, response: httpx.Response) -> bool:
        if response.status_code == 204:  # "do not reconnect"
            return True
        response.raise_for_status()  # any other status is not a transport failure: no resume
        return False

    def _take(self, event: SSEEvent) -> bool:
        """Note what the event says about reconnecting; False for a replay the caller already has."""
        self._note_retry(event)
        if event.id is not None:
            if self._is_replay(event.id):
                return False
            self.seen.add(event.id)
            self.last_id = event.id
        self.delivered += 1
        self.failures = 0
        return True

    def _note_retry(self, event: SSEEvent) -> None:
        if event.retry_ms is not None:
            self.retry_s = event.retry_ms / 1000

    def _is_replay(self, event_id: str) -> bool:
        return event_id in self.seen  # servers often replay from the last id rather than after it

    def _count_failure(self, exc: BaseException) -> None:
        self.failures += 1
        if self.failures > self.max_resumes:
            raise StreamInterrupted(self.last_id, self.delivered, exc) from exc


def resuming_events(
    client: httpx.AsyncClient,
    url: str,
    *,
    max_resumes: int = 3,
    default_retry_s: float = 1.0,
    idle_s: float = 30.0,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> AsyncIterator[SSEEvent]:
    follower = _Follower(
        client, url, max_resumes=max_resumes, default_retry_s=default_retry_s, idle_s=idle_s, sleep=sleep
    )
    return follower.events()
