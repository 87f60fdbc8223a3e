"""Tests for first_responder: the first provider to stream wins, the losers are closed before the winner
speaks, and nothing is left open or running."""

from __future__ import annotations

import asyncio
from contextlib import aclosing

import httpx
import pytest

from katakit.testkit import Answer, StreamingVendor, sse_data, virtual_guard
from katas.safe_calls.stream_fan_in.first_responder import AllProvidersFailed, race_streams

pytestmark = pytest.mark.looptime


def _answer(first_at: float, *words: str, gap: float = 1.0) -> Answer:
    """Data lines: the first after `first_at` seconds, then one per `gap`."""
    chunks = [(first_at if i == 0 else gap, sse_data(w)) for i, w in enumerate(words)]
    return Answer(chunks=chunks)


class Providers:
    """One fake vendor per provider name, all reachable through one AsyncClient."""

    def __init__(self, **answers: object) -> None:
        self.vendors = {name: StreamingVendor([answer]) for name, answer in answers.items()}

    def client(self) -> httpx.AsyncClient:
        async def route(request: httpx.Request) -> httpx.Response:
            return await self.vendors[request.url.host.removesuffix(".test")].handler(request)

        return httpx.AsyncClient(transport=httpx.MockTransport(route))

    def requests(self) -> dict[str, httpx.Request]:
        return {name: httpx.Request("POST", f"https://{name}.test/v1/chat") for name in self.vendors}

    def closed(self) -> dict[str, bool]:
        return {name: v.open_bodies == 0 for name, v in self.vendors.items()}


async def _race(providers: Providers, first_item_s: float = 30) -> list[tuple[str, str]]:
    async with providers.client() as client, virtual_guard():
        return [pair async for pair in race_streams(client, providers.requests(), first_item_s=first_item_s)]


async def test_fastest_provider_wins_and_is_relayed_whole() -> None:
    providers = Providers(a=_answer(2, "a1", "a2"), b=_answer(1, "b1", "b2", "b3"), c=_answer(3, "c1"))
    got = await _race(providers)
    assert got == [("b", "data: b1"), ("b", "data: b2"), ("b", "data: b3")], (
        f"b sent its first data line first (t=1): expected all of b's data lines, in order, the first "
        f"neither lost nor repeated; got {got!r}. Keep reading the *same* line iterator that produced the "
        "first line; a new `aiter_lines()` on that response raises httpx.StreamConsumed."
    )
    assert providers.closed() == {"a": True, "b": True, "c": True}, (
        f"open upstreams left: {providers.closed()}"
    )


async def test_losers_are_closed_before_the_winner_speaks() -> None:
    providers = Providers(a=_answer(2, "a1", "a2"), b=_answer(1, "b1", "b2"), c=_answer(3, "c1"))
    async with providers.client() as client, virtual_guard():
        stream = race_streams(client, providers.requests(), first_item_s=30)
        async with aclosing(stream):
            first = await anext(stream)
            at_first = providers.closed()
    assert first == ("b", "data: b1")
    assert at_first["a"] and at_first["c"], (
        f"when b's first line was relayed, the losers' responses must already be closed; closed: {at_first}. "
        "Cancelling a racer task is not enough: close its response too, or provider a keeps streaming (and "
        "billing) a whole answer nobody reads."
    )


@pytest.mark.parametrize(
    "fast_failure",
    [Answer(status=503, chunks=[(0, '{"error": "overloaded"}')]), httpx.ConnectError],
    ids=["503", "ConnectError"],
)
async def test_a_fast_failure_does_not_end_the_race(fast_failure: object) -> None:
    providers = Providers(fast=fast_failure, slow=_answer(2, "s1", "s2"))
    got = await _race(providers)
    assert got == [("slow", "data: s1"), ("slow", "data: s2")], (
        f"the fastest provider failed at once, but the other one streamed: it must win; got {got!r}. "
        "Loop over completions until one succeeds; the first to *finish* is not the first to *stream*."
    )


async def test_all_providers_failing_reports_each_error() -> None:
    providers = Providers(a=httpx.ConnectError, b=Answer(status=500, chunks=[(1, "{}")]), c=Answer(chunks=[]))
    with pytest.raises(AllProvidersFailed) as caught:
        await _race(providers)
    assert set(caught.value.errors) == {"a", "b", "c"}, (
        f"every provider failed (connect error, 500, a stream with no data): expected one error per "
        f"provider; got {caught.value.errors!r}"
    )
    assert isinstance(caught.value.errors["a"], httpx.ConnectError)
    assert all(providers.closed().values()), f"every response must be closed: {providers.closed()}"


async def test_nobody_streaming_in_time_is_a_timeout() -> None:
    providers = Providers(a=_answer(10, "a1"), b=_answer(12, "b1"))
    with pytest.raises(TimeoutError):
        await _race(providers, first_item_s=5)
    now = asyncio.get_running_loop().time()
    leftover = {t for t in asyncio.all_tasks() if t is not asyncio.current_task()}
    assert now == pytest.approx(5.0), f"the race must time out at first_item_s=5; it ended at {now:g}"
    assert not leftover and all(providers.closed().values()), (
        f"after the timeout, tasks still pending: {leftover}; upstreams closed: {providers.closed()}. "
        "Cancel and await every racer, and close every response, on every way out."
    )


async def test_first_item_s_does_not_limit_the_winners_answer() -> None:
    providers = Providers(a=_answer(1, "a1", "a2", "a3", "a4", "a5", gap=3), b=_answer(20, "b1"))
    got: list[tuple[str, str]] = []
    async with providers.client() as client, virtual_guard():
        try:
            async for pair in race_streams(client, providers.requests(), first_item_s=5):
                got.append(pair)
        except TimeoutError:
            got.append(("TimeoutError", f"at t={asyncio.get_running_loop().time():g}"))
    now = asyncio.get_running_loop().time()
    assert [line for _, line in got] == ["data: a1", "data: a2", "data: a3", "data: a4", "data: a5"], (
        f"a's first line came at t=1 (within first_item_s=5), then one every 3 s until t=13: the whole answer "
        f"must be relayed; got {got!r}, ending at t={now:g}. first_item_s bounds the race for a first line, "
        "never the winner's answer: keep the timeout around the race only."
    )


async def test_consumer_leaving_closes_the_winner() -> None:
    providers = Providers(a=_answer(1, "a1", "a2", "a3"), b=_answer(2, "b1"))
    async with providers.client() as client, virtual_guard():
        async with aclosing(race_streams(client, providers.requests(), first_item_s=30)) as stream:
            async for _ in stream:
                break
        closed = providers.closed()
    assert closed == {"a": True, "b": True}, (
        f"the consumer left after one line: close the winner too; {closed}"
    )


async def test_comments_do_not_win_the_race() -> None:
    pinger = Answer(chunks=[(0.5, ": ping\n\n"), (0.5, ": ping\n\n"), (5, sse_data("p1"))])
    providers = Providers(pinger=pinger, real=_answer(2, "r1"))
    got = await _race(providers)
    assert got == [("real", "data: r1")], (
        f"the pinger sent only `: ping` comments before t=2: comments prove the connection is alive, not "
        f"that an answer is coming; the first *data* line wins. Got {got!r}"
    )
