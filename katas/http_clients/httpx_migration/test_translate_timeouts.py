"""Tests for translate_timeouts: the same waits bounded the same way after the port, checked on a real socket."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from katakit.testkit.loopback import LoopbackServer, local_client_kwargs
from katas.http_clients.httpx_migration.translate_timeouts import (
    AiohttpTimeoutSpec,
    HttpxTimeoutPlan,
    fetch_text,
    translate,
)

TRICKLE = "/feed?lines=6&gap=10"  # six lines, one every 10 s: 60 s in all, never 15 s of silence


def _phases(t: httpx.Timeout) -> dict[str, float | None]:
    return {"connect": t.connect, "read": t.read, "write": t.write, "pool": t.pool}


async def test_aiohttp_default_timeout() -> None:
    plan = translate(AiohttpTimeoutSpec(total=300, sock_connect=30))
    expected = {"connect": 30, "read": 300, "write": 10, "pool": 300}
    assert isinstance(plan, HttpxTimeoutPlan), f"translate returns an HttpxTimeoutPlan, got {plan!r}"
    assert _phases(plan.phases) == expected, (
        f"aiohttp's default ClientTimeout(total=300, sock_connect=30) should become phases {expected}; got "
        f"{_phases(plan.phases)}. sock_connect is the connect phase; read and pool are bounded only by "
        "total there, and write is the given write budget (10), capped by total."
    )
    assert plan.overall == 300, (
        f"total=300 bounds the whole exchange, which no httpx phase does: overall must be 300, got {plan.overall!r}"
    )


async def test_sock_read_alone() -> None:
    plan = translate(AiohttpTimeoutSpec(sock_read=15))
    expected = {"connect": 30, "read": 15, "write": 10, "pool": 30}
    assert _phases(plan.phases) == expected, (
        f"sock_read=15 alone should give {expected} (unset phases take the fallback, 30); got "
        f"{_phases(plan.phases)}. Build httpx.Timeout with all four keywords: Timeout(read=15) alone raises "
        "ValueError in httpx 0.28."
    )
    assert plan.overall is None, f"no total means no overall deadline; got {plan.overall!r}"


async def test_connect_covers_the_pool_wait() -> None:
    plan = translate(AiohttpTimeoutSpec(connect=2, sock_connect=1))
    got = (plan.phases.connect, plan.phases.pool)
    assert got == (1, 2), (
        f"connect=2, sock_connect=1 should give httpx connect=1 and pool=2; got connect={got[0]!r}, "
        f"pool={got[1]!r}. aiohttp's `connect` includes waiting for a free pooled connection; "
        "`sock_connect` is the TCP connect alone."
    )


async def test_a_short_total_caps_every_phase() -> None:
    plan = translate(AiohttpTimeoutSpec(total=5))
    expected = {"connect": 5, "read": 5, "write": 5, "pool": 5}
    assert (_phases(plan.phases), plan.overall) == (expected, 5), (
        f"total=5 alone should give phases {expected} and overall 5; got {_phases(plan.phases)} and overall "
        f"{plan.overall!r}. Under aiohttp nothing outlived total, the upload included: write is "
        "min(write, total), so the 10 s write budget shrinks to 5."
    )


async def test_fallback_and_write_are_the_callers() -> None:
    plan = translate(AiohttpTimeoutSpec(sock_read=15), write=4, fallback=12)
    expected = {"connect": 12, "read": 15, "write": 4, "pool": 12}
    assert _phases(plan.phases) == expected, (
        f"translate(sock_read=15, write=4, fallback=12) should give {expected}; got {_phases(plan.phases)}. "
        "With no total, every unset phase takes the caller's `fallback` and write the caller's `write`, "
        "not numbers of your own."
    )


async def test_empty_spec_is_rejected() -> None:
    with pytest.raises(ValueError):
        translate(AiohttpTimeoutSpec())


@pytest.mark.looptime
async def test_per_read_budget_lets_a_slow_stream_finish() -> None:
    plan = translate(AiohttpTimeoutSpec(sock_read=15))
    loop = asyncio.get_running_loop()
    async with LoopbackServer() as server, httpx.AsyncClient(**local_client_kwargs()) as client:
        start = loop.time()
        try:
            text = await fetch_text(client, server.url(TRICKLE), plan)
        except (TimeoutError, httpx.TimeoutException) as exc:
            pytest.fail(
                f"{type(exc).__name__} after {loop.time() - start:g} s: sock_read=15 restarts after every "
                "read in aiohttp too, so a line every 10 s never trips it. It is httpx's read phase, not "
                "an overall deadline.",
                pytrace=False,
            )
        took = loop.time() - start
    assert text.splitlines() == [f"line{n}" for n in range(6)], f"expected the six lines, got {text!r}"
    assert took == pytest.approx(60, abs=1e-3), f"six lines 10 s apart take 60 s; took {took:g}"


@pytest.mark.looptime
async def test_total_bounds_the_whole_exchange() -> None:
    plan = translate(AiohttpTimeoutSpec(total=25))
    loop = asyncio.get_running_loop()
    async with LoopbackServer() as server, httpx.AsyncClient(**local_client_kwargs()) as client:
        start = loop.time()
        with pytest.raises(TimeoutError) as caught:
            await fetch_text(client, server.url(TRICKLE), plan)
        took = loop.time() - start
    assert not isinstance(caught.value, httpx.TimeoutException), (
        f"the overall deadline should raise the builtin TimeoutError, got httpx's {type(caught.value).__name__}"
    )
    assert took == pytest.approx(25, abs=1e-3), (
        f"total=25 must stop a 60 s trickle at 25 s; it stopped at {took:g} s. httpx's read budget restarts "
        "with every chunk, so total cannot become a phase: wrap the call in asyncio.timeout(plan.overall)."
    )


@pytest.mark.looptime
async def test_a_stalled_stream_hits_the_read_budget() -> None:
    plan = translate(AiohttpTimeoutSpec(sock_read=15))
    loop = asyncio.get_running_loop()
    async with LoopbackServer() as server, httpx.AsyncClient(**local_client_kwargs()) as client:
        start = loop.time()
        with pytest.raises(httpx.ReadTimeout):
            await fetch_text(client, server.url(TRICKLE + "&stall_after=2"), plan)
        took = loop.time() - start
    assert took == pytest.approx(35, abs=1e-3), (
        f"two lines (at 10 s and 20 s), then silence: read=15 should fire at 35 s; it fired at {took:g} s"
    )


async def test_the_client_settings_are_left_alone() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="ok")

    plan = translate(AiohttpTimeoutSpec(sock_read=15))
    async with httpx.AsyncClient(
        transport=httpx.MockTransport(handler), timeout=httpx.Timeout(7.0)
    ) as client:
        text = await fetch_text(client, "https://vendor.test/report", plan)
        after = client.timeout
    assert text == "ok"
    assert after == httpx.Timeout(7.0), (
        f"fetch_text changed the shared client's timeout to {after!r}. Pass timeout= on this request only: "
        "other tasks use the same client at the same time."
    )
