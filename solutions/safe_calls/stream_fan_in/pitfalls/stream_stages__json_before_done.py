"""Pitfall: `json.loads(event.data)` first, then checking for `[DONE]` (note 08 §4).

Rejected by: test_chat_deltas_picks_content_and_stops_at_done
Why it is wrong: `[DONE]` is not JSON, so every successful stream ends with a JSONDecodeError, which the
caller reports as an upstream failure (and may retry, duplicating the answer).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, AsyncIterator

from solutions.safe_calls.stream_fan_in.stream_stages import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.stream_stages import SSEEvent, _owned


async def chat_deltas(events: AsyncIterable[SSEEvent]) -> AsyncIterator[str]:
    async with _owned(events) as upstream:
        async for sse in upstream:
            payload = json.loads(sse.data)
            if payload == "[DONE]":
                return
            choices = payload.get("choices") or [{}]
            content = (choices[0].get("delta") or {}).get("content")
            if content:
                yield content
