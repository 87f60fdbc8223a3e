"""Pitfall: sending the upstream only `{"stream": true}`, dropping the client's JSON body.

Rejected by: test_slot_is_held_for_the_whole_stream
Why it is wrong: the relay streams back an answer to a question nobody asked; the upstream request must be
the client's payload with `"stream": true` added.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import httpx
from fastapi import Depends, FastAPI
from fastapi.sse import ServerSentEvent

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots, _app, _Relay


class _BodylessRelay(_Relay):
    def events(self, payload: dict[str, Any]) -> AsyncGenerator[ServerSentEvent, None]:
        return super().events({})


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    return _app(_BodylessRelay(upstream, upstream_url, idle_s), Depends(slots.hold))
