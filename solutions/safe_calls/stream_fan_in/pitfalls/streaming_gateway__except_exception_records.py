"""Pitfall: recording the outcome inside the generator, with `except Exception` for failures.

Rejected by: test_client_disconnect_is_neutral_and_releases_everything
Why it is wrong: a disconnect arrives as CancelledError, which is not an Exception, so nothing is
recorded: in half-open the probe slot is never given back and the breaker is stuck refusing everyone.
"""

from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI
from fastapi.sse import ServerSentEvent

from solutions.safe_calls.stream_fan_in.streaming_gateway import *  # the rest is the reference
from solutions.safe_calls.stream_fan_in.streaming_gateway import _Gateway, _Observed


class _RecordsInGenerator(_Gateway):
    def _record(self, seen: _Observed) -> None:
        pass  # nothing is recorded once the response has ended: the generator does it

    async def relay(self, payload: dict[str, Any], seen: _Observed) -> AsyncIterator[ServerSentEvent]:
        try:
            async for event in super().relay(payload, seen):
                yield event
        except Exception:  # CancelledError (the client left) slips past: nothing is recorded
            self.breaker.record_failure()
            raise
        if seen.error is not None:
            self.breaker.record_failure()
        else:
            self.breaker.record_success()


def create_app(**wiring: Any) -> FastAPI:
    return _RecordsInGenerator(**wiring).app()
