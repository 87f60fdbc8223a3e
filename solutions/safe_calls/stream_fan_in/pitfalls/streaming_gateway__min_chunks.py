"""Pitfall: a stream counts as a success only after at least `min_chunks` items (note 08 §6).

Rejected by: test_classify_stream, test_two_short_complete_answers_close_a_half_open_breaker
Why it is wrong: complete short answers ("Yes.") never count as successes, so a half-open breaker cannot
collect its successes and a recovered vendor stays locked out; length says nothing about health.
"""

import solutions.safe_calls.stream_fan_in.streaming_gateway as _reference
from solutions.safe_calls.stream_fan_in.streaming_gateway import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.streaming_gateway import StreamVerdict

MIN_CHUNKS = 5


def classify_stream(
    *, items: int, completed: bool, error: BaseException | None, client_gone: bool
) -> StreamVerdict:
    if error is not None:
        return "failure"
    if completed and items >= MIN_CHUNKS:
        return "success"
    return "neutral"


_reference.classify_stream = classify_stream  # the reference create_app looks it up in its own module
