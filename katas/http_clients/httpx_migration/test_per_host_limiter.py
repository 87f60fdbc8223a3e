"""Tests for per_host_limiter: a cap per origin (port included), shared, held for whole streams, never leaked."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from katakit.testkit import virtual_guard
from katakit.testkit.loopback import LoopbackServer, local_client_kwargs
from katas.http_clients.httpx_migration.per_host_limiter import PerHostLimiter

pytestmark = pytest.mark.looptime


async def _until(condition: Callable[[], bool], *, within: float, what: str) -> None:
    """Poll in (fake) loop time, so conditions over several servers can be awaited."""
    try:
        async with asyncio.timeout(within):
            while not condition():  # noqa: ASYNC110 - polls two servers at once, in fake time
                await asyncio.sleep(0.01)
    except TimeoutError:
        raise AssertionError(f"{what} did not happen within {within:g} s of loop time") from None


async def _settle(load: asyncio.Future[Any]) -> None:
    """Let `load` finish (60 fake s at most) and mark its outcome as seen, even when the test failed early."""
    await asyncio.wait([load], timeout=60)
    if load.done() and not load.cancelled():
        load.exception()
    else:
        load.cancel()


def _client() -> httpx.AsyncClient:
    # A generous pool and timeouts: the limiter under test is the only thing that caps concurrency here.
    return httpx.AsyncClient(timeout=120.0, **local_client_kwargs())


async def test_each_origin_gets_its_own_cap() -> None:
    async with LoopbackServer() as a, LoopbackServer() as b, _client() as client:
        a.hold()
        b.hold()
        limiter = PerHostLimiter(client, per_host=2)
        urls = [a.url(f"/a/{n}") for n in range(6)] + [b.url(f"/b/{n}") for n in range(6)]
        load = asyncio.gather(*(limiter.request("GET", url) for url in urls))
        try:
            await _until(
                lambda: a.in_flight == 2 and b.in_flight == 2,
                within=10,
                what=(
                    f"2 requests in flight at A and 2 at B (now A={a.in_flight}, B={b.in_flight}): the cap is "
                    "per origin, and A and B differ only by port. One shared semaphore, or a key without the "
                    "port, lets only 2 through in total"
                ),
            )
            await asyncio.sleep(5)  # a positive signal first; now give any excess (fake) time to show up
            at_once = (a.in_flight, b.in_flight)
        finally:
            a.release()
            b.release()
            await _settle(load)
        responses = await load
    assert all(r.status_code == 200 for r in responses)
    assert at_once == (2, 2), (
        f"per_host=2 must keep exactly 2 in flight at each origin; A had {at_once[0]}, B {at_once[1]}"
    )


async def test_a_new_origin_is_capped_from_its_first_requests() -> None:
    async with LoopbackServer() as c, _client() as client:
        c.hold()
        limiter = PerHostLimiter(client, per_host=2)
        load = asyncio.gather(*(limiter.request("GET", c.url(f"/c/{n}")) for n in range(6)))
        try:
            await c.wait_for(lambda s: s.in_flight >= 2, within=10, what="the first 2 requests at C")
            await asyncio.sleep(5)
            at_once = c.in_flight
        finally:
            c.release()
            await _settle(load)
        await load
    assert at_once == 2, (
        f"6 simultaneous first requests to a new origin: {at_once} were in flight at once, expected 2. The "
        "semaphore for an origin must be created once and shared by every request to it, not made per call."
    )


async def test_a_stream_holds_its_slot_until_its_block_exits() -> None:
    async with LoopbackServer() as a, _client() as client:
        limiter = PerHostLimiter(client, per_host=1)
        async with limiter.stream("GET", a.url("/export?lines=3")) as response:
            assert response.status_code == 200
            waiting = asyncio.create_task(limiter.request("GET", a.url("/next")))
            await asyncio.sleep(10)
            seen_while_streaming = a.requests
        try:
            async with virtual_guard(60, what="the request queued behind the stream"):
                follow_up = await waiting
        finally:
            waiting.cancel()
    assert seen_while_streaming == 1, (
        f"with per_host=1 and a stream open (headers in, body unread) the server saw {seen_while_streaming} "
        "requests: the slot was given up before the stream was consumed or closed. A streamed response "
        "occupies the origin until its block exits."
    )
    assert follow_up.status_code == 200, "once the stream's block exited, the queued request must go through"


async def test_total_caps_all_origins_together() -> None:
    async with LoopbackServer() as a, LoopbackServer() as b, _client() as client:
        a.hold()
        b.hold()
        limiter = PerHostLimiter(client, per_host=2, total=3)
        urls = [a.url(f"/a/{n}") for n in range(4)] + [b.url(f"/b/{n}") for n in range(4)]
        load = asyncio.gather(*(limiter.request("GET", url) for url in urls))
        try:
            await _until(lambda: a.in_flight + b.in_flight >= 3, within=10, what="3 requests in flight")
            await asyncio.sleep(5)
            at_once = a.in_flight + b.in_flight
            per_origin = (a.in_flight, b.in_flight)
        finally:
            a.release()
            b.release()
            await _settle(load)
        await load
    assert at_once == 3, (
        f"total=3 must cap A and B together at 3 in flight; there were {at_once} (A={per_origin[0]}, "
        f"B={per_origin[1]}). Take the origin's slot first, then one of the shared `total` slots: a request "
        "that holds a total slot while it queues for a busy origin wastes capacity every origin needs."
    )
    assert max(per_origin) <= 2, (
        f"per_host=2 still holds under total; got A={per_origin[0]}, B={per_origin[1]}"
    )


async def test_a_failed_request_frees_its_slot() -> None:
    async with LoopbackServer() as a, _client() as client:
        limiter = PerHostLimiter(client, per_host=1)
        with pytest.raises(httpx.RemoteProtocolError):
            await limiter.request("GET", a.url("/flaky?drop=1"))
        async with virtual_guard(
            60, what="the request after a failed one (an error leaked the origin's slot)"
        ):
            response = await limiter.request("GET", a.url("/next"))
    assert response.status_code == 200


async def test_two_limiters_keep_their_own_caps() -> None:
    async with LoopbackServer() as a, _client() as client:
        a.hold()
        strict = PerHostLimiter(client, per_host=1)
        loose = PerHostLimiter(client, per_host=3)
        load = asyncio.gather(
            *(strict.request("GET", a.url(f"/strict/{n}")) for n in range(3)),
            *(loose.request("GET", a.url(f"/loose/{n}")) for n in range(3)),
        )
        try:
            await a.wait_for(lambda s: s.in_flight >= 1, within=10, what="the first request at A")
            await asyncio.sleep(5)
            paths = [r.path for r in a.log]
        finally:
            a.release()
            await _settle(load)
        await load
    strict_in, loose_in = sum("/strict/" in p for p in paths), sum("/loose/" in p for p in paths)
    assert (strict_in, loose_in) == (1, 3), (
        f"two limiters on one client, per_host=1 and per_host=3, both sending to A: expected 1 strict and 3 "
        f"loose requests in flight, got {strict_in} and {loose_in}. Each limiter keeps its own origin -> "
        "semaphore table (an instance attribute made in __init__), never one shared by the class or module."
    )
