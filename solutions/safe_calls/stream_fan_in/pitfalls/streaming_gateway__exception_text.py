"""Pitfall: `{"error": str(e)}` in the error event (note 08 §8).

Rejected by: test_error_events_carry_codes_not_exception_text
Why it is wrong: exception text and upstream error bodies carry internal hosts and details, and they are
no contract a client can branch on. Send a stable code; log the details.
"""

from typing import Any

from fastapi import FastAPI
from fastapi.sse import ServerSentEvent

from solutions.safe_calls.stream_fan_in.streaming_gateway import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.streaming_gateway import _Gateway


class _ExceptionText(_Gateway):
    def _error_event(self, code: str, error: BaseException) -> ServerSentEvent:
        return ServerSentEvent(event="error", data={"error": str(error)})


def create_app(**wiring: Any) -> FastAPI:
    return _ExceptionText(**wiring).app()
