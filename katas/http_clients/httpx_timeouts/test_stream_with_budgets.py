"""Tests for stream_with_budgets: an idle budget per chunk, a deadline for the whole, partial lines kept."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from katakit.testkit import LoopbackServer, TrackingStream, local_client_kwargs
from katas.http_clients.httpx_timeouts.stream_with_budgets import Collected, collect_lines

pytestmark = pytest.mark.looptime

LINES = [f"line{i}" for i in range(6)]

# scenario -> (path, idle, deadline, expected Collected, loop seconds it takes)
SCENARIOS: dict[str, tuple[str, float, float, Collected, float]] = {
    "steady trickle, generous deadline": ("/feed?lines=6&gap=10", 15, 100, Collected(LINES, "complete"), 60),
    "steady trickle, deadline 25 s": ("/feed?lines=6&gap=10", 15, 25, Collected(LINES[:2], "deadline"), 25),
    "server goes silent after 2 lines": (
        "/feed?lines=6&gap=10&stall_after=2",
        15,
        1000,
        Collected(LINES[:2], "idle"),
        35,
    ),
    "server thinks 30 s before answering, deadline 10 s": (
        "/feed?lines=6&delay=30",
        60,
        10,
        Collected([], "deadline"),
        10,
    ),
}

WHY = {
    "complete": "a line every 10 s never leaves the stream idle for 15 s, so it completes after 60 s",
    "deadline": (
        "lines keep coming every 10 s, so no read budget runs out; only an overall deadline "
        "(asyncio.timeout) stops the exchange at 25 s. Keep the 2 lines that arrived"
    ),
    "deadline before headers": (
        "the server sends its headers only after 30 s, and that wait is part of the exchange: the deadline "
        "must cover opening the stream too (put `client.stream(...)` inside `asyncio.timeout(deadline)`), so "
        "it ends at 10 s with no lines"
    ),
    "idle": "after 2 lines (at 20 s) the server is silent, so the 15 s idle budget runs out at 35 s; keep both lines",
}


def _why(expected: Collected) -> str:
    if expected.outcome == "deadline" and not expected.lines:
        return WHY["deadline before headers"]
    return WHY[expected.outcome]


def _one_connection_client() -> httpx.AsyncClient:
    # The client's own read budget is huge on purpose: `idle` must be applied to this request.
    return httpx.AsyncClient(
        timeout=httpx.Timeout(1000.0, pool=1.0),
        limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
        **local_client_kwargs(),
    )


@pytest.mark.parametrize("scenario", SCENARIOS)
async def test_outcome_and_lines(scenario: str) -> None:
    path, idle, deadline, expected, seconds = SCENARIOS[scenario]
    loop = asyncio.get_running_loop()
    async with LoopbackServer() as server, _one_connection_client() as client:
        start = loop.time()
        got = await collect_lines(client, server.url(path), idle=idle, deadline=deadline)
        elapsed = loop.time() - start
    assert got == expected, (
        f"{scenario} (idle={idle}, deadline={deadline}): expected {expected!r}, got {got!r}; "
        f"{_why(expected)}."
    )
    assert elapsed == pytest.approx(seconds, abs=1e-3), (
        f"{scenario}: should end after {seconds} s of loop time; ended after {elapsed:g} s. {_why(expected)}."
    )


@pytest.mark.parametrize("scenario", SCENARIOS)
async def test_client_is_left_as_it_was(scenario: str) -> None:
    path, idle, deadline, _, _ = SCENARIOS[scenario]
    async with LoopbackServer() as server, _one_connection_client() as client:
        before = client.timeout.as_dict()
        await collect_lines(client, server.url(path), idle=idle, deadline=deadline)
        after = client.timeout.as_dict()
        followup = await client.get(server.url("/next"))
    assert after == before, (
        f"collect_lines changed client.timeout from {before} to {after}. The client (and its timeout) is "
        "shared by every request: pass the idle budget with `timeout=` on this request only."
    )
    assert followup.status_code == 200, (
        f"the next request on the same 1-connection client got {followup.status_code}: the stream must be closed"
    )


async def test_deadline_closes_the_stream() -> None:
    stream = TrackingStream([f"event {i}\n".encode() for i in range(100)], gap=1.0)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=stream)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler), timeout=1000.0) as client:
        got = await collect_lines(client, "http://events.test/feed", idle=5, deadline=3.5)
    assert (got.outcome, len(got.lines)) == ("deadline", 4), (
        f"chunks arrive at 0, 1, 2, 3 s, so a 3.5 s deadline keeps 4 lines: got {got!r}"
    )
    assert stream.closed, (
        "the deadline stopped the stream, but the response was never closed, so its connection is never given "
        "back to the pool. Use `async with client.stream(...)` (or close the response in a `finally`)."
    )
