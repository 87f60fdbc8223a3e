"""Pitfall: delivering every event the server sends after a reconnect, without checking its id.

Rejected by: test_a_replayed_event_is_not_delivered_twice
Why it is wrong: servers commonly replay from the last id they know rather than after it; without
de-duplication the caller gets that event twice (a duplicated token, a double-applied update).
"""

from collections.abc import AsyncIterator
from typing import Any

import httpx

from katas.safe_calls.stream_fan_in.stream_stages import SSEEvent
from solutions.safe_calls.stream_fan_in.resumable_stream import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.resumable_stream import _Follower


class _NoDedupe(_Follower):
    def _is_replay(self, event_id: str) -> bool:
        return False  # whatever the server sends is delivered, replays included


def resuming_events(client: httpx.AsyncClient, url: str, **options: Any) -> AsyncIterator[SSEEvent]:
    return _NoDedupe(client, url, **options).events()
