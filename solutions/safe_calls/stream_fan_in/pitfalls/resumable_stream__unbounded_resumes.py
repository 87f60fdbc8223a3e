"""Pitfall: reconnecting forever after every transport failure.

Rejected by: test_too_many_failures_in_a_row_give_up_with_progress
Why it is wrong: an upstream that is down for good turns every follower into an endless reconnect loop:
the caller never learns the stream is gone, and the server is hammered when it comes back.
"""

from collections.abc import AsyncIterator
from typing import Any

import httpx

from katas.safe_calls.stream_fan_in.stream_stages import SSEEvent
from solutions.safe_calls.stream_fan_in.resumable_stream import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.resumable_stream import _Follower


class _UnboundedResumes(_Follower):
    def _count_failure(self, exc: BaseException) -> None:
        self.failures += 1  # counted, but never a reason to give up


def resuming_events(client: httpx.AsyncClient, url: str, **options: Any) -> AsyncIterator[SSEEvent]:
    return _UnboundedResumes(client, url, **options).events()
