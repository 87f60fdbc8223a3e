"""Pitfall: recognising data lines with `line.startswith("data: ")` and slicing `line[6:]`.

Rejected by: test_parse_sse_follows_the_standard
Why it is wrong: the space after the colon is optional in the SSE format; a server that sends `data:x`
(many do) has its whole stream silently dropped.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator

from solutions.safe_calls.stream_fan_in.stream_stages import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.stream_stages import SSEEvent, _owned


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
            elif line.startswith("data: "):
                data.append(line[6:])
            elif line.startswith("event: "):
                event = line[7:]
            elif line.startswith("id: "):
                last_id = line[4:]
            elif line.startswith("retry: ") and line[7:].isdigit():
                retry = int(line[7:])
