"""Tests for quota: fixed-window tier budgets that every pod shares, and the 429 that says when to return."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import fakeredis
import httpx
import pytest

from katakit.testkit import FakeClock
from katas.safe_calls.production_stack.tier_quota import (
    FixedWindowQuota,
    MemoryCounterStore,
    QuotaExceeded,
    RedisCounterStore,
    create_app,
)


async def _use_up(quota: FixedWindowQuota, n: int, key: str = "alice", tier: str = "free", **kw: str) -> None:
    for _ in range(n):
        await quota.hit(key, tier, **kw)


async def test_free_tier_allows_ten_per_window_then_says_when() -> None:
    clock = FakeClock(1000.5)
    quota = FixedWindowQuota(MemoryCounterStore(clock), window_s=60, clock=clock)
    remaining = [await quota.hit("alice", "free") for _ in range(10)]
    assert remaining == [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], (
        f"a free tier allows 10 requests per window: hits 1..10 must return the budget left, 9 down to 0; "
        f"got {remaining}."
    )
    with pytest.raises(QuotaExceeded) as caught:
        await quota.hit("alice", "free")
    assert caught.value.retry_after == 20 and isinstance(caught.value.retry_after, int), (
        "the 11th hit at t=1000.5 falls in window 16 (960..1020), which ends 19.5 s later: expected "
        f"retry_after == 20 (whole seconds, rounded up), got {caught.value.retry_after!r}."
    )


async def test_a_new_window_starts_a_fresh_budget() -> None:
    clock = FakeClock(1000.5)
    quota = FixedWindowQuota(MemoryCounterStore(clock), window_s=60, clock=clock)
    await _use_up(quota, 10)
    clock.advance(19.5)  # exactly 1020: window 17 begins
    got = await quota.hit("alice", "free")
    assert got == 9, f"at t=1020 a new window begins, so the first hit there leaves 9; got {got!r}."


async def test_unknown_tier_gets_the_free_limit() -> None:
    clock = FakeClock(0.0)
    quota = FixedWindowQuota(MemoryCounterStore(clock), clock=clock)
    first = await quota.hit("mallory", "platinum-typo")
    assert first == 9, (
        f"an unknown tier must fall back to the free limit (10): expected 9 left, got {first!r}."
    )
    await _use_up(quota, 9, key="mallory", tier="platinum-typo")
    with pytest.raises(QuotaExceeded):
        await quota.hit("mallory", "platinum-typo")
    pro = await quota.hit("paula", "pro")
    assert pro == 99, f"the pro tier allows 100 per window: expected 99 left after one hit, got {pro!r}."


async def _two_redis_pods() -> AsyncIterator[tuple[RedisCounterStore, RedisCounterStore]]:
    server = fakeredis.FakeServer()
    a, b = fakeredis.FakeAsyncRedis(server=server), fakeredis.FakeAsyncRedis(server=server)
    try:
        yield RedisCounterStore(a), RedisCounterStore(b)
    finally:
        await a.aclose()
        await b.aclose()


@pytest.mark.parametrize("shared", ["one MemoryCounterStore", "one Redis server, a client per pod"])
async def test_pods_sharing_a_store_share_one_budget(shared: str) -> None:
    clock = FakeClock(30.0)
    if shared == "one MemoryCounterStore":
        store = MemoryCounterStore(clock)
        pod_a = FixedWindowQuota(store, clock=clock)
        pod_b = FixedWindowQuota(store, clock=clock)
        await _check_shared(pod_a, pod_b, shared)
    else:
        async for store_a, store_b in _two_redis_pods():
            await _check_shared(
                FixedWindowQuota(store_a, clock=clock), FixedWindowQuota(store_b, clock=clock), shared
            )

    # The per-pod mistake, documented: separate stores count separately, so the user gets 10 per pod.
    solo_a = FixedWindowQuota(MemoryCounterStore(clock), clock=clock)
    solo_b = FixedWindowQuota(MemoryCounterStore(clock), clock=clock)
    await _use_up(solo_a, 10)
    await _use_up(solo_b, 10)


async def _check_shared(pod_a: FixedWindowQuota, pod_b: FixedWindowQuota, shared: str) -> None:
    await _use_up(pod_a, 6)
    await _use_up(pod_b, 4)
    for pod, name in ((pod_a, "pod A"), (pod_b, "pod B")):
        try:
            left = await pod.hit("alice", "free")
        except QuotaExceeded:
            continue
        pytest.fail(
            f"{shared}: after 6 hits on pod A and 4 on pod B, an 11th hit on {name} was allowed ({left} left). "
            "Two pods sharing one store must share one budget; the load balancer spreads a user across pods, "
            "so a budget kept inside each pod multiplies the quota by the number of pods."
        )


async def test_chat_and_search_budgets_are_independent() -> None:
    clock = FakeClock(0.0)
    quota = FixedWindowQuota(MemoryCounterStore(clock), clock=clock)
    await _use_up(quota, 10, scope="chat")
    got = await quota.hit("alice", "free", scope="search")
    assert got == 9, (
        f"alice used up /chat; her /search budget is separate, so expected 9 left there, got {got!r}. "
        "Put the scope in the counter's key."
    )


async def test_memory_store_key_lives_ttl_from_its_creation() -> None:
    clock = FakeClock(0.0)
    store = MemoryCounterStore(clock)
    got = [await store.incr("k", 60)]
    clock.advance(59)
    got.append(await store.incr("k", 60))
    clock.advance(1)  # t=60: the key created at t=0 with a 60 s TTL has expired
    got.append(await store.incr("k", 60))
    clock.advance(1)
    got.append(await store.incr("k", 60))
    assert got == [1, 2, 1, 2], (
        f"hits at t=0, 59, 60, 61 with ttl_s=60: the key expires at t=60 (60 s after it was created), so the "
        f"counts must be [1, 2, 1, 2]; got {got}. The TTL is set when the key is created and later hits never "
        "push it forward, the same rule as RedisCounterStore (and by the injected clock, not time.time)."
    )


async def test_redis_window_ttl_is_set_once_not_refreshed() -> None:
    client = fakeredis.FakeAsyncRedis(server=fakeredis.FakeServer())
    store = RedisCounterStore(client)
    key = "quota:chat:alice:29474640"
    try:
        first = await store.incr(key, 60)
        ttl = await client.ttl(key)
        assert (first, ttl) == (1, 60), (
            f"the first INCR creates the key: expected count 1 and a 60 s TTL, got count {first!r}, TTL {ttl}. "
            "A window key without a TTL never expires (ttl -1 means none was set)."
        )
        # The same window 50 s later: four hits so far, 10 s of its TTL left.
        await client.set(key, 4, ex=10)
        fifth = await store.incr(key, 60)
        ttl = await client.ttl(key)
        assert fifth == 5, f"INCR on a count of 4 must return 5, got {fifth!r}."
        assert 0 < ttl <= 10, (
            f"a hit on a window key with 10 s of TTL left must leave it at <= 10 s, got {ttl}. Set the TTL "
            "only when the key is created (count == 1, or EXPIRE ... NX); refreshing it on every hit means a "
            "busy user's window never ends."
        )
    finally:
        await client.aclose()


def _user(name: str, tier: str = "free") -> dict[str, str]:
    return {"X-User-Id": name, "X-Tier": tier}


async def test_http_answers_429_with_whole_second_retry_after() -> None:
    clock: Callable[[], float] = FakeClock(1000.5)
    app = create_app(FixedWindowQuota(MemoryCounterStore(clock), clock=clock))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://pod.test") as client:
        for i in range(10):
            response = await client.get("/chat", headers=_user("alice"))
            assert response.status_code == 200, f"request {i + 1} of 10 on the free tier must pass."
        response = await client.get("/chat", headers=_user("alice"))
        assert response.status_code == 429, (
            f"the 11th /chat request on a 10/minute tier: expected 429, got {response.status_code}."
        )
        retry_after = response.headers.get("retry-after")
        assert retry_after == "20", (
            f"Retry-After must be whole seconds to the window's end (19.5 s → '20'); got {retry_after!r}. "
            "RFC 9110 §10.2.3 allows only a non-negative integer or an HTTP-date, never '19.5'."
        )
        detail = response.json().get("detail", "")
        assert "free" in str(detail), f"the 429 detail should name the tier ('free'), got {detail!r}."
        other = await client.get("/chat", headers=_user("bob"))
        assert other.status_code == 200, f"bob has his own budget: expected 200, got {other.status_code}."
        search = await client.get("/search", headers=_user("alice"))
        assert search.status_code == 200, (
            f"/search has its own scope: expected 200, got {search.status_code}."
        )


async def test_http_reads_the_tier_header_and_defaults_to_free() -> None:
    clock: Callable[[], float] = FakeClock(1000.5)
    app = create_app(FixedWindowQuota(MemoryCounterStore(clock), clock=clock))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://pod.test") as client:
        pro = [(await client.get("/chat", headers=_user("paula", "pro"))).status_code for _ in range(11)]
        tierless = [(await client.get("/chat", headers={"X-User-Id": "tom"})).status_code for _ in range(11)]
    assert pro == [200] * 11, (
        f"X-Tier: pro allows 100 requests per window, so 11 must all pass; got statuses {pro}. Read the tier "
        "from the X-Tier header and pass it to the quota."
    )
    assert tierless == [200] * 10 + [429], (
        f"without an X-Tier header the tier is 'free' (10 per window): expected 10 x 200 then 429; got {tierless}"
    )
