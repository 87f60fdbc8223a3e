"""Pitfall: reconnecting with a plain GET, without the Last-Event-ID header.

Rejected by: test_reconnects_resume_after_the_last_event
Why it is wrong: the server cannot know where the client stopped, so it starts the stream over: the
client receives everything again (or the server must re-run the work), on every reconnect.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import aclosing

import httpx

from katas.safe_calls.guarded_streams.stream_deadlines import StreamTimeout, with_deadlines
from katas.safe_calls.stream_fan_in.stream_stages import SSEEvent, parse_sse
from solutions.safe_calls.stream_fan_in.resumable_stream import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.resumable_stream import StreamInterrupted


async def resuming_events(
    client: httpx.AsyncClient,
    url: str,
    *,
    max_resumes: int = 3,
    default_retry_s: float = 1.0,
    idle_s: float = 30.0,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> AsyncIterator[SSEEvent]:
    last_id: str | None = None
    seen: set[str] = set()
    delivered = failures = 0
    retry_s = default_retry_s
    while True:
        headers = {"Accept": "text/event-stream"}
        try:
            async with client.stream("GET", url, headers=headers) as response:
                if response.status_code == 204:  # "do not reconnect"
                    return
                response.raise_for_status()  # any other status is not a transport failure: no resume
                lines = with_deadlines(
                    response.aiter_lines(), first_item_s=idle_s, idle_s=idle_s, total_s=math.inf
                )
                async with aclosing(parse_sse(lines)) as events:
                    async for event in events:
                        if event.retry_ms is not None:
                            retry_s = event.retry_ms / 1000
                        if event.id is not None:
                            if event.id in seen:
                                continue  # replayed by the server: the caller already has it
                            seen.add(event.id)
                            last_id = event.id
                        delivered += 1
                        failures = 0  # progress: only failures in a row count
                        yield event
            return
        except (httpx.TransportError, StreamTimeout) as exc:
            failures += 1
            if failures > max_resumes:
                raise StreamInterrupted(last_id, delivered, exc) from exc
        await sleep(retry_s)  # the failed response is closed by now
