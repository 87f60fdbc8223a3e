"""Tests for load_shedding: a time window for metrics, cheap signals first, hysteresis, and 503 before any work."""

from __future__ import annotations

import random

import httpx
import pytest
from fastapi import Depends, FastAPI

from katakit.testkit import FakeClock
from katas.safe_calls.resilience_patterns.load_shedding import (
    Decision,
    LoadShedder,
    RollingWindow,
    shed_dependency,
)


def _window_with(p95_source: list[float], clock: FakeClock | None = None) -> RollingWindow:
    window = RollingWindow(60, clock or FakeClock())
    for d in p95_source:
        window.record(d, ok=True)
    return window


def test_the_window_is_by_time_not_by_count() -> None:
    clock = FakeClock(0.0)
    window = RollingWindow(60, clock)
    for _ in range(100):
        window.record(5.0, ok=False)  # an outage: slow failures
    clock.advance(61)
    for _ in range(5):
        window.record(0.1, ok=True)  # a minute later: fast successes
    p95 = window.p95()
    assert p95 == pytest.approx(0.1), (
        f"100 slow samples from 61 s ago and 5 fast ones now, window 60 s: p95 must reflect only the fast "
        f"ones (0.1), got {p95!r}. Samples from 61 s ago still dominate: window by time, not by count."
    )
    rate = window.error_rate()
    assert rate == 0.0, (
        f"the failures left the window with their samples: error_rate must be 0.0, got {rate!r}."
    )


def test_error_rate_is_the_failed_share() -> None:
    window = RollingWindow(60, FakeClock())
    for ok in (False, True, False, False):
        window.record(0.2, ok=ok)
    rate = window.error_rate()
    assert rate == pytest.approx(0.75), (
        f"3 failed samples of 4 in the window: error_rate must be the share 0.75, got {rate!r}. A count of "
        "failures grows with traffic, so no fixed threshold on it means anything."
    )


def test_samples_leave_the_window_at_window_s_even_without_new_ones() -> None:
    clock = FakeClock(0.0)
    window = RollingWindow(60, clock)
    window.record(5.0, ok=False)
    clock.advance(59.5)
    kept = (window.p95(), window.error_rate())
    assert kept == (5.0, 1.0), f"a sample 59.5 s old is inside a 60 s window: expected (5.0, 1.0), got {kept}"
    clock.advance(0.5)
    gone = (window.p95(), window.error_rate())
    assert gone == (None, 0.0), (
        f"the only sample is now exactly 60 s old, window 60 s: p95() and error_rate() must read (None, 0.0); "
        f"got {gone}. Samples `window_s` or more old are dropped, and reading the window drops them too: a "
        "pod that went quiet after an outage must not keep shedding on minutes-old latencies."
    )


def test_p95_is_nearest_rank() -> None:
    durations = [float(i) for i in range(1, 101)]
    random.Random(7).shuffle(durations)
    p95 = _window_with(durations).p95()
    assert p95 == 95.0, (
        f"nearest-rank p95 of 1..100 is the value at rank ceil(0.95 * 100) = 95 of the sorted list: 95.0; "
        f"got {p95!r}."
    )
    small = _window_with([0.3, 0.1, 0.2]).p95()
    assert small == 0.3, f"p95 of three samples is the largest (rank ceil(2.85) = 3): 0.3; got {small!r}."
    empty = RollingWindow(60, FakeClock())
    assert empty.p95() is None and empty.error_rate() == 0.0, (
        "an empty window: p95() is None, error_rate() is 0.0."
    )


def test_a_full_backlog_sheds_every_tier() -> None:
    shedder = LoadShedder(max_queue=100, sla_s=1.0, window=RollingWindow(60, FakeClock()))
    below = shedder.decide(tier="premium", queue_depth=99, pressure=0.0)
    assert below.admit, f"queue_depth 99 of 100: admit; got {below}."
    at = shedder.decide(tier="premium", queue_depth=100, pressure=0.0)
    assert not at.admit and at.reason == "queue", (
        f"queue_depth == max_queue (100): shed with reason 'queue', even for premium; got {at}. The backlog "
        "is physical: a request joining a full queue will wait longer than anyone accepts."
    )
    assert (at.status, at.retry_after_s) == (503, 1), (
        f"a shed decision carries 503 and Retry-After 1; got {at}."
    )


TIER_TABLE = [
    (0.95, "premium", True),
    (0.95, "pro", False),
    (0.95, "free", False),
    (0.9, "pro", True),
    (0.9, "free", False),
    (0.8, "premium", True),
    (0.8, "pro", True),
    (0.8, "free", False),
    (0.8, "platinum-typo", False),
    (0.7, "free", True),
    (0.5, "free", True),
    (0.5, "platinum-typo", True),
]


@pytest.mark.parametrize(("pressure", "tier", "admit"), TIER_TABLE)
def test_tiers_under_pressure(pressure: float, tier: str, admit: bool) -> None:
    shedder = LoadShedder(max_queue=100, sla_s=1.0, window=RollingWindow(60, FakeClock()))
    got = shedder.decide(tier=tier, queue_depth=0, pressure=pressure)
    assert got.admit is admit, (
        f"pressure {pressure}, tier {tier!r}: expected {'admit' if admit else 'shed'}, got {got}. Above 0.9 "
        "only premium is served; above 0.7 the free tier (and any unknown tier) is shed first."
    )
    if not admit:
        assert got.reason == "tier", f"shed by tier: reason must be 'tier', got {got.reason!r}."


def test_latency_shedding_has_hysteresis() -> None:
    clock = FakeClock()
    window = RollingWindow(60, clock)
    shedder = LoadShedder(max_queue=100, sla_s=1.0, window=window)

    def decide_at(p95: float) -> Decision:
        clock.advance(61)  # the old samples leave the window
        for _ in range(20):
            window.record(p95, ok=True)
        return shedder.decide(tier="pro", queue_depth=0, pressure=0.0)

    steps = [
        (1.0, False, "p95 1.0 s > 0.9 x SLA: start shedding"),
        (0.8, False, "p95 0.8 s: still shedding (it must fall below 0.7 x SLA to stop)"),
        (0.6, True, "p95 0.6 s < 0.7 x SLA: admit again"),
    ]
    for p95, admit, why in steps:
        got = decide_at(p95)
        assert got.admit is admit, (
            f"{why}; got {got}. Without hysteresis the shedder flaps on and off around one threshold."
        )
        if not admit:
            assert got.reason == "latency", f"shed by latency: reason must be 'latency', got {got.reason!r}."

    fresh = LoadShedder(max_queue=100, sla_s=1.0, window=_window_with([0.8] * 20))
    got = fresh.decide(tier="pro", queue_depth=0, pressure=0.0)
    assert got.admit, (
        f"a shedder that never started shedding must admit at p95 0.8 s (below the 0.9 x SLA entry); got {got}."
    )


async def test_a_shed_request_gets_503_before_any_work() -> None:
    vendor_calls = []
    signals = {"queue_depth": 100, "pressure": 0.0}
    shedder = LoadShedder(max_queue=100, sla_s=1.0, window=RollingWindow(60, FakeClock()))
    app = FastAPI()

    @app.post("/v1/answer", dependencies=[Depends(shed_dependency(shedder, lambda: tuple(signals.values())))])
    async def answer() -> dict[str, str]:
        vendor_calls.append("called")  # the expensive part: a vendor call
        return {"answer": "42"}

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://pod.test") as client:
        shed = await client.post("/v1/answer", headers={"X-Tier": "premium"})
        signals["queue_depth"] = 0
        admitted = await client.post("/v1/answer", headers={"X-Tier": "premium"})
    assert shed.status_code == 503, (
        f"a shed request must get 503, got {shed.status_code}. Overload is the server's state: 503 with "
        "Retry-After (RFC 9110 §15.6.4); 429 means a client exceeded its own quota (RFC 6585 §4)."
    )
    assert shed.headers.get("retry-after") == "1", (
        f"the 503 must carry Retry-After: 1, got {shed.headers.get('retry-after')!r}."
    )
    assert admitted.status_code == 200, (
        f"with an empty queue the request must pass; got {admitted.status_code}."
    )
    assert vendor_calls == ["called"], (
        f"the endpoint ran {len(vendor_calls)} time(s); it must run only for the admitted request. Shed in a "
        "dependency, before any expensive work."
    )


async def test_the_dependency_reads_the_tier_and_the_configured_retry_after() -> None:
    shedder = LoadShedder(max_queue=100, sla_s=1.0, window=RollingWindow(60, FakeClock()), retry_after_s=5)
    app = FastAPI()

    @app.post("/v1/answer", dependencies=[Depends(shed_dependency(shedder, lambda: (0, 0.8)))])
    async def answer() -> dict[str, str]:
        return {"answer": "42"}

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://pod.test") as client:
        tierless = await client.post("/v1/answer")
        pro = await client.post("/v1/answer", headers={"X-Tier": "pro"})
    assert (tierless.status_code, tierless.headers.get("retry-after")) == (503, "5"), (
        f"pressure 0.8 and no X-Tier header (so 'free'), retry_after_s=5: expected 503 with Retry-After: 5; "
        f"got {tierless.status_code} with Retry-After {tierless.headers.get('retry-after')!r}. Put the "
        "decision's retry_after_s in the header, not a constant."
    )
    assert pro.status_code == 200, (
        f"pressure 0.8 and X-Tier: pro: pro is still served above 0.7, expected 200; got {pro.status_code}. "
        "Read the tier from the X-Tier header."
    )
