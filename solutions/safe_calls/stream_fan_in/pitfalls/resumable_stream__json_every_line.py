"""Pitfall: decoding every line as JSON (`json.loads(line.split(":", 1)[1])`, note 08 §3).

Rejected by: test_comments_and_blank_lines_are_not_events
Why it is wrong: SSE streams carry comment lines (`: ping` keepalives), blank separator lines and other
fields; decoding them raises JSONDecodeError and kills a perfectly healthy stream.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from katas.safe_calls.stream_fan_in.stream_stages import SSEEvent
from solutions.safe_calls.stream_fan_in.resumable_stream import *  # the rest is the reference


async def resuming_events(
    client: httpx.AsyncClient, url: str, **_options: Any
) -> AsyncIterator[SSEEvent]:  # one connection, no resuming: the options do not matter here
    last_id: str | None = None
    async with client.stream("GET", url, headers={"Accept": "text/event-stream"}) as response:
        response.raise_for_status()
        async for line in response.aiter_lines():
            field, _, value = line.partition(":")
            payload = json.loads(value)
            if field == "id":
                last_id = str(payload)
            elif field == "data":
                yield SSEEvent(json.dumps(payload), id=last_id)
