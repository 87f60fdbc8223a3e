"""Tests for offload_blocking: the loop stays free (handshake probe), arguments and context come along."""

from __future__ import annotations

import threading

import pytest

from katakit.testkit import LoopProbe
from katas.concurrency.event_loop_tasks.offload_blocking import offload, request_id


class LegacySdkError(Exception):
    """Raised by the blocking SDK."""


async def test_the_loop_stays_free() -> None:
    probe = LoopProbe()
    probe.arm()  # a task that can only run if the loop is free while probe.blocking waits
    loop_was_free = await offload(probe.blocking)
    assert loop_was_free is True, (
        "the loop was blocked while fn ran: a task scheduled just before could not run until fn returned. "
        "Run blocking functions in a worker thread (asyncio.to_thread)."
    )
    assert probe.ran_in_thread != threading.get_ident(), "fn ran on the event loop's thread"


async def test_arguments_and_keywords_are_forwarded() -> None:
    def resize(width: int, height: int, *, scale: int = 1) -> tuple[int, int]:
        return width * scale, height * scale

    got = await offload(resize, 3, 4, scale=2)
    assert got == (6, 8), (
        f"offload(resize, 3, 4, scale=2) should return (6, 8); got {got!r}. Keyword arguments must reach fn "
        "too (loop.run_in_executor accepts positional arguments only)."
    )


async def test_the_callers_context_is_visible() -> None:
    token = request_id.set("req-42")
    try:
        seen = await offload(request_id.get)
    finally:
        request_id.reset(token)
    assert seen == "req-42", (
        f"fn saw request_id={seen!r}, not the caller's 'req-42': the worker thread ran in an empty context, "
        "so logs from fn lose the request id. asyncio.to_thread copies the current context; "
        "loop.run_in_executor does not."
    )


async def test_fn_runs_on_another_thread() -> None:
    ran_on = await offload(threading.get_ident)
    assert ran_on != threading.get_ident(), "fn ran on the event loop's thread: offload it to a worker thread"


async def test_errors_keep_their_type() -> None:
    def call_sdk() -> None:
        raise LegacySdkError("503 from the legacy SDK")

    with pytest.raises(LegacySdkError):
        await offload(call_sdk)
