"""Pitfall: treating every `data:` line as a complete event.

Rejected by: test_parse_sse_follows_the_standard
Why it is wrong: an event's data may span several `data:` lines (pretty-printed JSON, multi-line text);
split up, each piece is invalid JSON or a wrong message, and `event:`/`id:` fields get lost.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator

from solutions.safe_calls.stream_fan_in.stream_stages import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.stream_stages import SSEEvent, _owned


async def parse_sse(lines: AsyncIterable[str]) -> AsyncIterator[SSEEvent]:
    async with _owned(lines) as upstream:
        async for raw in upstream:
            name, _, value = raw.rstrip("\r\n").partition(":")
            if name == "data":
                yield SSEEvent(value.removeprefix(" "))
