"""Pitfall: calling build_request() once, before the loop, and sending that same request on every attempt.

Rejected by: test_retryable_status_then_success
Why it is wrong: an httpx.Request is single-use: a streamed (generator) body is spent by the first
send, and per-attempt headers (a signature, a timestamp, a trace id) go stale, so the retry fails or is
rejected for reasons the original call never had.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx

from solutions.safe_calls.guarded_streams.first_chunk_retry import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.first_chunk_retry import stream_data_with_retry as _ref


def stream_data_with_retry(
    client: httpx.AsyncClient,
    build_request: Callable[[], httpx.Request],
    *,
    max_attempts: int = 3,
    backoff: Callable[[int], float],
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> AsyncIterator[str]:
    request = build_request()
    return _ref(client, lambda: request, max_attempts=max_attempts, backoff=backoff, sleep=sleep)
