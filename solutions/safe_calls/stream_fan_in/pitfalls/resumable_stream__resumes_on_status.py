"""Pitfall: treating every failure, error statuses and 204 included, as a reason to reconnect.

Rejected by: test_status_on_reconnect_stops_resuming
Why it is wrong: 204 is the SSE server's explicit "do not reconnect", and a 404 or 401 will not heal;
reconnecting to them is wasted traffic (until the resume budget runs out) and hides the real error.
"""

from collections.abc import AsyncIterator
from typing import Any

import httpx

from katas.safe_calls.stream_fan_in.stream_stages import SSEEvent
from solutions.safe_calls.stream_fan_in.resumable_stream import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.resumable_stream import _Follower


class _ResumesOnStatus(_Follower):
    def _told_to_stop(self, response: httpx.Response) -> bool:
        if response.status_code != 200:
            raise httpx.RemoteProtocolError(f"status {response.status_code}")  # resumed like a broken read
        return False


def resuming_events(client: httpx.AsyncClient, url: str, **options: Any) -> AsyncIterator[SSEEvent]:
    return _ResumesOnStatus(client, url, **options).events()
