"""Pitfall: ignoring the server's `retry:` field and always waiting default_retry_s.

Rejected by: test_server_retry_field_sets_the_reconnect_delay
Why it is wrong: `retry:` is how an SSE server paces reconnects (for example to spread a thundering herd
after a deploy); a client that ignores it reconnects too early, all at once.
"""

from collections.abc import AsyncIterator
from typing import Any

import httpx

from katas.safe_calls.stream_fan_in.stream_stages import SSEEvent
from solutions.safe_calls.stream_fan_in.resumable_stream import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.resumable_stream import _Follower


class _IgnoresRetry(_Follower):
    def _note_retry(self, event: SSEEvent) -> None:
        pass  # always default_retry_s, whatever the server asked for


def resuming_events(client: httpx.AsyncClient, url: str, **options: Any) -> AsyncIterator[SSEEvent]:
    return _IgnoresRetry(client, url, **options).events()
