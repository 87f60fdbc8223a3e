"""Pitfall: a stream that did not complete counts as a failure, even when the client left.

Rejected by: test_client_disconnect_is_neutral_and_releases_everything
Why it is wrong: users close tabs all the time; counting that against the vendor lets a handful of
impatient users open the breaker and cut everyone off from a healthy vendor.
"""

from typing import Any

from fastapi import FastAPI

from solutions.safe_calls.stream_fan_in.streaming_gateway import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.streaming_gateway import (
    StreamVerdict,
    _Gateway,
    _Observed,
    classify_stream,
)


class _ClientGoneIsFailure(_Gateway):
    def _verdict(self, seen: _Observed) -> StreamVerdict:
        return classify_stream(
            items=seen.items,
            completed=seen.completed,
            error=seen.error,
            client_gone=False,  # "it did not finish, so it failed"
        )


def create_app(**wiring: Any) -> FastAPI:
    return _ClientGoneIsFailure(**wiring).app()
