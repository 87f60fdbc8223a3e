"""Tests for which_timeout: httpx's phase timeouts and a total budget stop different things.

Real sockets on 127.0.0.1 (a LoopbackServer) under looptime: a 100 s trickle costs milliseconds of real time.
The client's read timeout is 30 s; it restarts whenever a chunk arrives.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from katakit.testkit import LoopbackServer, ScriptedVendor, virtual_guard
from katas.safe_calls.timeout_layers.which_timeout import CallBudgetExceeded, TransportTimeout, get_within

pytestmark = pytest.mark.looptime
TIMEOUT = httpx.Timeout(connect=5, read=30, write=10, pool=5)


def client_for(server: LoopbackServer, max_connections: int = 10) -> httpx.AsyncClient:
    transport = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=max_connections))
    return httpx.AsyncClient(base_url=server.origin, timeout=TIMEOUT, transport=transport)


def now() -> float:
    return asyncio.get_running_loop().time()


async def test_a_stalled_read_is_a_read_timeout() -> None:
    async with LoopbackServer() as server, client_for(server) as client, virtual_guard(600):
        with pytest.raises(TransportTimeout) as raised:
            await get_within(client, "/stall?lines=5&stall_after=0", call_budget=60)
    assert (raised.value.phase, now()) == ("read", pytest.approx(30.0, abs=1e-3)), (
        f"headers arrived, then silence: expected TransportTimeout(phase='read') at t=30 (the read timeout), "
        f"got phase {raised.value.phase!r} at t={now():.3f}"
    )
    assert isinstance(raised.value.__cause__, httpx.ReadTimeout), (
        "chain the original exception (`raise TransportTimeout(...) from exc`): __cause__ should be the "
        f"httpx.ReadTimeout, got {raised.value.__cause__!r}"
    )


async def test_only_a_total_budget_stops_a_trickle() -> None:
    async with LoopbackServer() as server, client_for(server) as client, virtual_guard(600):
        plain = await client.get("/drip?lines=5&gap=20")
        control = now()
        assert (plain.status_code, control) == (200, pytest.approx(100.0, abs=1e-3)), "harness check"
        start = now()
        with pytest.raises(CallBudgetExceeded) as raised:
            await get_within(client, "/drip?lines=5&gap=20", call_budget=50)
        took = now() - start
    assert (raised.value.budget, took) == (50, pytest.approx(50.0, abs=1e-3)), (
        f"a chunk every 20 s for 100 s, with read=30: plain client.get finished at t=100 (the read timeout "
        f"restarts on every chunk). get_within with call_budget=50 should raise CallBudgetExceeded(50) after "
        f"50 s; it ended after {took:.3f} s with budget={raised.value.budget!r}. Only a total budget of "
        "call_budget seconds "
        "(asyncio.timeout around the request) bounds a trickling response."
    )
    assert isinstance(raised.value.__cause__, TimeoutError), "chain the asyncio TimeoutError as __cause__"


async def test_a_response_within_budget_comes_back_whole() -> None:
    async with LoopbackServer() as server, client_for(server) as client, virtual_guard(600):
        response = await get_within(client, "/drip?lines=2&gap=20", call_budget=60)
    assert (response.text, now()) == ("line0\nline1\n", pytest.approx(40.0, abs=1e-3)), (
        f"two chunks 20 s apart fit in a 60 s budget: expected the whole body at t=40; got {response.text!r} "
        f"at t={now():.3f}"
    )


async def test_waiting_for_the_pool_is_a_pool_timeout() -> None:
    async with (
        LoopbackServer() as server,
        client_for(server, max_connections=1) as client,
        virtual_guard(600),
    ):
        holder = asyncio.create_task(client.get("/hold?stall=1"))
        await server.wait_for(lambda s: s.in_flight == 1, what="the first request")
        start = now()
        try:
            with pytest.raises(TransportTimeout) as raised:
                await get_within(client, "/next", call_budget=60)
            took = now() - start
        finally:
            holder.cancel()
            await asyncio.gather(holder, return_exceptions=True)
    assert (raised.value.phase, took) == ("pool", pytest.approx(5.0, abs=1e-3)), (
        f"the only connection is busy: expected TransportTimeout(phase='pool') after the 5 s pool timeout, got "
        f"phase {raised.value.phase!r} after {took:.3f} s. Map the exception class (PoolTimeout), not its text."
    )


async def test_cancelling_an_attempt_frees_its_connection() -> None:
    async with (
        LoopbackServer() as server,
        client_for(server, max_connections=1) as client,
        virtual_guard(600),
    ):
        with pytest.raises(CallBudgetExceeded):
            await get_within(client, "/drip?lines=5&gap=20", call_budget=60)
        start = now()
        response = await get_within(client, "/next", call_budget=60)
        waited = now() - start
    assert (response.status_code, waited) == (200, pytest.approx(0.0, abs=1e-3)), (
        f"after a budget expiry on a 1-connection client the next request took {waited:.3f} s (status "
        f"{response.status_code}); expected an immediate 200: cancelling an httpx request closes its connection "
        "and returns the slot to the pool (though the vendor is never told to stop working)."
    )


@pytest.mark.parametrize(
    ("error", "phase"),
    [(httpx.ConnectTimeout, "connect"), (httpx.WriteTimeout, "write"), (httpx.ReadTimeout, "read")],
)
async def test_each_phase_is_named_by_its_exception_class(
    error: type[httpx.TimeoutException], phase: str
) -> None:
    async with ScriptedVendor([error]).client() as client:
        with pytest.raises(TransportTimeout) as raised:
            await get_within(client, "/v1/anything", call_budget=60)
    assert raised.value.phase == phase, (
        f"httpx.{error.__name__} should become TransportTimeout(phase={phase!r}); got {raised.value.phase!r}. "
        "Map the exception class, not its message."
    )


async def test_an_outside_cancellation_stays_a_cancellation() -> None:
    async with LoopbackServer() as server, client_for(server) as client, virtual_guard(600):
        task = asyncio.create_task(get_within(client, "/hold?stall=1", call_budget=60))
        await server.wait_for(lambda s: s.in_flight == 1, what="the request")
        task.cancel()  # the caller went away (a client disconnect, a shutdown): not our budget
        outcome = (await asyncio.gather(task, return_exceptions=True))[0]
    assert isinstance(outcome, asyncio.CancelledError), (
        f"get_within was cancelled from outside at t={now():.3f}, long before its 60 s budget, and ended with "
        f"{outcome!r}; expected CancelledError. Never catch CancelledError and turn it into something else: "
        "only the budget's own expiry (TimeoutError from asyncio.timeout) is CallBudgetExceeded."
    )
