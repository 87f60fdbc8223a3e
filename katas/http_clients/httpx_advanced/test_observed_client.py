"""Tests for observed_client: request IDs per task, one record per exchange, hooks done the async way."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from typing import Any

import httpx

from katakit.testkit import FakeClock, TrackingStream
from katas.http_clients.httpx_advanced.observed_client import build_observed_client, request_id

BASE = "https://api.test/v1"


class Upstream:
    """A MockTransport handler that records the requests it saw and answers 200 with JSON."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response] | None = None) -> None:
        self.seen: list[httpx.Request] = []
        self.answer = answer or (lambda request: httpx.Response(200, json={"ok": True}))

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        await asyncio.sleep(0)  # let concurrent tasks interleave, as real I/O would
        return self.answer(request)


def _client(
    upstream: Upstream, records: list[dict[str, Any]], clock: Callable[[], float] | None = None, **kwargs: Any
) -> httpx.AsyncClient:
    return build_observed_client(
        BASE, records=records, clock=clock or FakeClock(), transport=httpx.MockTransport(upstream), **kwargs
    )


async def test_request_id_from_the_context_is_sent_and_recorded() -> None:
    upstream, records = Upstream(), []
    token = request_id.set("abc")
    try:
        async with _client(upstream, records) as client:
            response = await client.get("/users")
    finally:
        request_id.reset(token)
    assert response.status_code == 200
    sent = upstream.seen[0].headers.get("X-Request-ID")
    assert sent == "abc", (
        f"with request_id set to 'abc' the upstream must see X-Request-ID: abc; it saw {sent!r}. Stamp the "
        "outgoing request in an async request hook."
    )
    assert len(records) == 1, f"one exchange, one record; got {len(records)}: {records!r}"
    expected = {"method": "GET", "url": f"{BASE}/users", "status": 200, "elapsed": 0.0, "request_id": "abc"}
    assert records[0] == expected, (
        f"the record for a 200 must be exactly {expected} (no error_body below 400); got {records[0]!r}"
    )


async def test_concurrent_tasks_keep_their_own_request_ids() -> None:
    upstream, records = Upstream(), []

    async def serve(rid: str) -> None:
        request_id.set(rid)  # each task runs in its own copy of the context
        response = await client.get(f"/orders/{rid}")
        assert response.status_code == 200

    async with _client(upstream, records) as client:
        await asyncio.gather(*(serve(f"req-{n}") for n in range(5)))
    sent = {req.url.path.rsplit("/", 1)[-1]: req.headers.get("X-Request-ID") for req in upstream.seen}
    assert sent == {f"req-{n}": f"req-{n}" for n in range(5)}, (
        f"each of 5 concurrent tasks set its own request ID, but the upstream saw (path -> header) {sent}. "
        "Read the ContextVar inside the hook, for each request; a module global or a header set on the "
        "shared client leaks IDs between tasks."
    )
    recorded = {r["url"].rsplit("/", 1)[-1]: r["request_id"] for r in records}
    assert recorded == sent, (
        f"each record must carry the ID its own request was sent with; records say {recorded}, sent {sent}"
    )


async def test_without_a_request_id_a_fresh_one_is_generated() -> None:
    upstream, records = Upstream(), []
    async with _client(upstream, records) as client:
        await client.get("/users")
        await client.get("/users")
    sent = [req.headers.get("X-Request-ID") for req in upstream.seen]
    assert all(s is not None and re.fullmatch(r"[0-9a-f]{32}", s) for s in sent), (
        f"with no request_id set, each request gets a fresh uuid4().hex (32 hex digits); sent {sent}"
    )
    assert sent[0] != sent[1], f"two requests must get two different generated IDs; both were {sent[0]!r}"
    assert [r["request_id"] for r in records] == sent, (
        f"the records must carry the generated IDs that were sent ({sent}); got {[r['request_id'] for r in records]}"
    )


async def test_elapsed_comes_from_the_injected_clock() -> None:
    clock = FakeClock(start=100.0)

    def slow(request: httpx.Request) -> httpx.Response:
        clock.advance(0.25)  # the upstream takes a quarter of a second
        return httpx.Response(200, json={"ok": True})

    records: list[dict[str, Any]] = []
    async with _client(Upstream(slow), records, clock=clock) as client:
        await client.get("/users")
    elapsed = records[0]["elapsed"] if records else None
    assert elapsed == 0.25, (
        f"the upstream took 0.25 s on the injected clock, so elapsed must be 0.25; got {elapsed!r}. Note "
        "clock() in the request hook (request.extensions is a good place) and subtract in the response hook; "
        "response.elapsed does not exist yet inside a hook."
    )


async def test_overlapping_requests_time_themselves() -> None:
    clock = FakeClock(start=100.0)
    b_arrived = asyncio.Event()

    async def overlapping(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/a"):
            clock.advance(0.5)  # A is in flight for 0.5 s before B starts...
            await b_arrived.wait()  # ...and answers only after B has
        else:
            clock.advance(0.5)
            b_arrived.set()
        return httpx.Response(200, json={"ok": True})

    records: list[dict[str, Any]] = []
    async with build_observed_client(
        BASE, records=records, clock=clock, transport=httpx.MockTransport(overlapping)
    ) as client:
        await asyncio.gather(client.get("/a"), client.get("/b"))
    elapsed = {r["url"].rsplit("/", 1)[-1]: r["elapsed"] for r in records}
    assert elapsed == {"a": 1.0, "b": 0.5}, (
        f"A starts at 100.0 and answers at 101.0, B runs from 100.5 to 101.0: expected elapsed "
        f"{{'a': 1.0, 'b': 0.5}}, got {elapsed}. Each request needs its own start time: keep it on the request "
        "(request.extensions), not in a variable the hooks share, which the next request overwrites."
    )


async def test_error_bodies_are_read_and_recorded() -> None:
    def failing(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, stream=TrackingStream([b"upstream ", b"down"]))

    records: list[dict[str, Any]] = []
    async with _client(Upstream(failing), records) as client:
        response = await client.get("/users")
    assert response.status_code == 503
    body = records[0].get("error_body") if records else None
    assert body == "upstream down", (
        f"for a 503 the record's error_body must be the body text 'upstream down'; got {body!r}. A response "
        "hook receives the response before its body is read: `await response.aread()` first."
    )


async def test_error_body_is_cut_at_200_characters() -> None:
    def failing(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, stream=TrackingStream([b"x" * 150, b"y" * 150]))

    records: list[dict[str, Any]] = []
    async with _client(Upstream(failing), records) as client:
        await client.get("/users")
    body = records[0].get("error_body", "") if records else ""
    assert body == "x" * 150 + "y" * 50, (
        f"error_body keeps the first 200 characters of a long error page; got {len(body)} characters"
    )


async def test_a_400_is_an_error_too() -> None:
    def rejecting(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, text="field 'email' is required")

    records: list[dict[str, Any]] = []
    async with _client(Upstream(rejecting), records) as client:
        await client.get("/users")
    body = records[0].get("error_body") if records else None
    assert body == "field 'email' is required", (
        f"a 400 is an error (status >= 400), so its record needs error_body 'field 'email' is required'; got "
        f"{body!r}. The 400's body is the upstream explaining what it rejected."
    )


async def test_hooks_run_once_per_redirect_hop() -> None:
    def redirecting(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/old"):
            return httpx.Response(302, headers={"Location": f"{BASE}/new"})
        return httpx.Response(200, json={"ok": True})

    upstream, records = Upstream(redirecting), []
    token = request_id.set("r-1")
    try:
        async with _client(upstream, records, follow_redirects=True) as client:
            response = await client.get("/old")
    finally:
        request_id.reset(token)
    assert response.status_code == 200
    got = [(r["status"], r["url"], r["request_id"]) for r in records]
    expected = [(302, f"{BASE}/old", "r-1"), (200, f"{BASE}/new", "r-1")]
    assert got == expected, (
        f"with follow_redirects the hooks run once per hop: expected records {expected}, got {got}"
    )
    assert [req.headers.get("X-Request-ID") for req in upstream.seen] == ["r-1", "r-1"], (
        "both hops must carry X-Request-ID: r-1"
    )


async def test_relative_paths_join_the_base_url() -> None:
    upstream, records = Upstream(), []
    async with _client(upstream, records) as client:
        await client.get("users")
        await client.get("/users")
    paths = [str(req.url) for req in upstream.seen]
    assert paths == [f"{BASE}/users", f"{BASE}/users"], (
        f"with base_url {BASE!r}, 'users' and '/users' must both reach {BASE}/users; got {paths}. "
        "Give the client base_url= rather than building URLs by hand."
    )


async def test_user_agent_is_sent() -> None:
    upstream, records = Upstream(), []
    async with _client(upstream, records, user_agent="billing-svc/2.3") as client:
        await client.get("/users")
    agent = upstream.seen[0].headers.get("User-Agent")
    assert agent == "billing-svc/2.3", (
        f"every request must carry User-Agent: billing-svc/2.3 (a client-level header), got {agent!r}"
    )
