"""Pitfall: a stream counts as a success only after at least `min_chunks` items (note 08 §6).

Rejected by: test_classify_stream, test_two_short_complete_answers_close_a_half_open_breaker
Why it is wrong: complete short answers ("Yes.") never count as successes, so a half-open breaker cannot
collect its successes and a recovered vendor stays locked out; length says nothing about health.
"""

from typing import Any

from fastapi import FastAPI

from solutions.safe_calls.stream_fan_in.streaming_gateway import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.streaming_gateway import StreamVerdict, _Gateway, _Observed

MIN_CHUNKS = 5


def classify_stream(
    *, items: int, completed: bool, error: BaseException | None, client_gone: bool
) -> StreamVerdict:
    if error is not None:
        return "failure"
    if completed and items >= MIN_CHUNKS:
        return "success"
    return "neutral"


class _MinChunks(_Gateway):
    def _verdict(self, seen: _Observed) -> StreamVerdict:
        return classify_stream(
            items=seen.items,
            completed=seen.completed,
            error=seen.error,
            client_gone=not seen.completed and seen.error is None,
        )


def create_app(**wiring: Any) -> FastAPI:
    return _MinChunks(**wiring).app()
