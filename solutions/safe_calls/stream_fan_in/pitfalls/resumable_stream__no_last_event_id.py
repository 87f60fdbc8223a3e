"""Pitfall: reconnecting with a plain GET, without the Last-Event-ID header.

Rejected by: test_reconnects_resume_after_the_last_event
Why it is wrong: the server cannot know where the client stopped, so it starts the stream over: the
client receives everything again (or the server must re-run the work), on every reconnect.
"""

from collections.abc import AsyncIterator
from typing import Any

import httpx

from katas.safe_calls.stream_fan_in.stream_stages import SSEEvent
from solutions.safe_calls.stream_fan_in.resumable_stream import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.resumable_stream import _Follower


class _NoLastEventId(_Follower):
    def _headers(self) -> dict[str, str]:
        return {"Accept": "text/event-stream"}  # a plain GET: the server starts over


def resuming_events(client: httpx.AsyncClient, url: str, **options: Any) -> AsyncIterator[SSEEvent]:
    return _NoLastEventId(client, url, **options).events()
