"""Tests for ordered_gateway: reject → wait → reserve → call, with one breaker record per admitted call."""

from __future__ import annotations

import asyncio
import functools
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from katakit.testkit import ScriptedVendor, virtual_guard
from katas.safe_calls.production_stack.ordered_gateway import (
    BreakerOpen,
    CallTimeout,
    Gateway,
    QueueTimeout,
    QuotaExceeded,
    VendorError,
    VendorQuotaExhausted,
    install_error_mapping,
)

pytestmark = pytest.mark.looptime

HAPPY_PATH = [
    "quota",
    "breaker",
    "vendor_token",
    "local_token",
    "slot",
    "http",
    "slot_released",
    "breaker_success",
]


class SpyQuota:
    def __init__(self, log: list[str], reject: bool = False) -> None:
        self.log, self.reject = log, reject

    async def hit(self, key: str, tier: str, scope: str = "default") -> int:
        self.log.append("quota")
        if self.reject:
            raise QuotaExceeded(20)
        return 5


class SpyBreaker:
    def __init__(self, log: list[str], open_for: float | None = None) -> None:
        self.log, self.open_for = log, open_for

    def before_call(self) -> None:
        self.log.append("breaker")
        if self.open_for is not None:
            raise BreakerOpen(self.open_for)

    def record_success(self) -> None:
        self.log.append("breaker_success")

    def record_failure(self) -> None:
        self.log.append("breaker_failure")

    def record_neutral(self) -> None:
        self.log.append("breaker_neutral")


class SpyVendorLimiter:
    """The global vendor budget; `exhausted_for` makes it refuse: no token within the caller's wait."""

    def __init__(self, log: list[str], exhausted_for: float | None = None) -> None:
        self.log, self.exhausted_for = log, exhausted_for

    async def acquire(self, timeout_s: float) -> None:
        self.log.append("vendor_token")
        if self.exhausted_for is not None:
            raise VendorQuotaExhausted(self.exhausted_for)


class SpyLocalLimiter:
    """A smoothing limiter that makes the caller wait `wait` seconds of loop time for its token."""

    def __init__(self, log: list[str], wait: float = 0.0) -> None:
        self.log, self.wait = log, wait

    async def __aenter__(self) -> None:
        if self.wait:
            await asyncio.sleep(self.wait)
        self.log.append("local_token")

    async def __aexit__(self, *exc: object) -> None:
        return None


class LoggedSlots(asyncio.Semaphore):
    def __init__(self, log: list[str], value: int = 1) -> None:
        super().__init__(value)
        self.log = log

    async def acquire(self) -> bool:
        await super().acquire()
        self.log.append("slot")
        return True

    def release(self) -> None:
        self.log.append("slot_released")
        super().release()


@asynccontextmanager
async def _setup(script: list[Any], **options: Any):  # type: ignore[no-untyped-def]
    """A Gateway whose collaborators all append to one log; the vendor is a ScriptedVendor."""
    log: list[str] = []
    vendor = ScriptedVendor(script)

    async def handler(request: httpx.Request) -> httpx.Response:
        log.append("http")
        return await vendor.handler(request)

    transport = httpx.MockTransport(handler)
    async with httpx.AsyncClient(base_url="https://vendor.test", transport=transport) as client:
        gateway = Gateway(
            client=client,
            url="/v1/chat",
            quota=SpyQuota(log, reject=options.pop("quota_rejects", False)),
            breaker=SpyBreaker(log, open_for=options.pop("breaker_open_for", None)),
            vendor_limiter=SpyVendorLimiter(log, exhausted_for=options.pop("vendor_exhausted_for", None)),
            local_limiter=SpyLocalLimiter(log, wait=options.pop("local_wait", 0.0)),
            slots=LoggedSlots(log),
            **options,
        )
        yield gateway, log, vendor


async def test_happy_path_runs_the_stages_in_order() -> None:
    async with _setup([200]) as (gateway, log, _vendor), virtual_guard(600, "the happy path"):
        got = await gateway.call("alice", "free", {"prompt": "hi"})
    assert got == {"status": 200}, f"call() must return the vendor's JSON answer; got {got!r}."
    assert log == HAPPY_PATH, (
        f"expected the stages in this order:\n  {HAPPY_PATH}\ngot\n  {log}\nReject cheaply first (quota, "
        "breaker), then wait for permission (global vendor token before local smoothing: a local token spent "
        "on a call the vendor budget then refuses is wasted), then reserve the slot, then call; release the "
        "slot before reporting to the breaker."
    )


async def test_quota_rejection_touches_nothing_else() -> None:
    async with _setup([200], quota_rejects=True) as (gateway, log, vendor), virtual_guard(600, "the call"):
        with pytest.raises(QuotaExceeded):
            await gateway.call("alice", "free", {"prompt": "hi"})
    assert log == ["quota"], (
        f"a request over its quota must be rejected before anything else happens: expected ['quota'], got "
        f"{log}. A rejected request that touched the semaphore wasted a slot exactly when the pod is busiest."
    )
    assert vendor.calls == 0, "a request over its quota must never reach the vendor."


async def test_open_breaker_fails_fast_before_any_token() -> None:
    async with _setup([200], breaker_open_for=30.0) as (gateway, log, vendor), virtual_guard(600, "the call"):
        with pytest.raises(BreakerOpen):
            await gateway.call("alice", "free", {"prompt": "hi"})
    assert log == ["quota", "breaker"], (
        f"with the breaker open the call must stop right after the breaker check: expected "
        f"['quota', 'breaker'], got {log}. An open breaker must waste neither rate tokens nor slots."
    )
    assert vendor.calls == 0, "an open breaker must keep the call away from the vendor."


async def test_queue_timeout_is_ours_not_the_vendors() -> None:
    async with _setup([200], queue_timeout_s=5.0) as (gateway, log, vendor):
        await gateway.slots.acquire()  # a blocker holds the only slot for 100 s
        log.clear()
        loop = asyncio.get_running_loop()
        async with virtual_guard(600, "the queued call"):
            with pytest.raises(QueueTimeout):
                await gateway.call("alice", "free", {"prompt": "hi"})
        now = loop.time()
        log = list(log)  # before the blocker lets go of its slot
        gateway.slots.release()
    assert now == pytest.approx(5.0, abs=1e-3), (
        f"QueueTimeout must come when the 5 s queue budget runs out (t=5), not at t={now:g}."
    )
    assert vendor.calls == 0, "a call that never got a slot must never reach the vendor."
    assert "breaker_failure" not in log, (
        f"the queue timeout was recorded as a vendor failure: {log}. Our own overload must not open the "
        "vendor's breaker (that would turn a busy pod into a fail-fast outage for everyone)."
    )
    assert log[-1] == "breaker_neutral", (
        f"every call the breaker admitted needs exactly one record; a queue timeout is neutral. Log: {log}. "
        "Without it a half-open breaker's probe slot is never freed."
    )


async def test_one_queue_budget_covers_every_wait() -> None:
    async with _setup([200], local_wait=4.0, queue_timeout_s=5.0) as (gateway, _log, vendor):
        await gateway.slots.acquire()  # a blocker holds the only slot
        loop = asyncio.get_running_loop()
        async with virtual_guard(600, "the queued call"):
            with pytest.raises(QueueTimeout):
                await gateway.call("alice", "free", {"prompt": "hi"})
        now = loop.time()
        gateway.slots.release()
    assert now == pytest.approx(5.0, abs=1e-3), (
        f"the local token took 4 s and the slot never freed, queue_timeout_s=5: QueueTimeout must come at t=5 "
        f"(4 s for the token + 1 s left for the slot); it came at t={now:g}. All waiting shares ONE budget "
        "(one deadline for the vendor token, the local token and the slot); a fresh timeout per stage lets "
        "a request queue for several times queue_timeout_s."
    )
    assert vendor.calls == 0


async def test_a_cancelled_call_is_recorded_as_neutral() -> None:
    async with _setup([(200, 20.0)]) as (gateway, log, _vendor), virtual_guard(600, "the cancelled calls"):
        await gateway.slots.acquire()  # first: the caller is cancelled while it waits for a slot
        log.clear()
        waiting = asyncio.create_task(gateway.call("alice", "free", {"prompt": "hi"}))
        await asyncio.sleep(1)
        waiting.cancel()
        await asyncio.gather(waiting, return_exceptions=True)
        while_waiting = list(log)
        gateway.slots.release()
        log.clear()
        calling = asyncio.create_task(gateway.call("alice", "free", {"prompt": "hi"}))
        await asyncio.sleep(1)  # then: cancelled 1 s into a 20 s vendor call
        calling.cancel()
        await asyncio.gather(calling, return_exceptions=True)
        while_calling = list(log)
    assert while_waiting[-1:] == ["breaker_neutral"], (
        f"a caller cancelled while waiting for a slot (the client left) was admitted by the breaker, so it "
        f"needs exactly one record, neutral; log {while_waiting}. CancelledError is a BaseException: "
        "`except Exception` misses it, and a half-open breaker's probe slot is never given back."
    )
    assert while_calling[-2:] == ["slot_released", "breaker_neutral"], (
        f"a caller cancelled during the vendor call must release its slot and record neutral (a client "
        f"leaving says nothing about the vendor); log {while_calling}"
    )
    assert waiting.cancelled() and calling.cancelled(), "the cancellation itself must propagate"


async def test_an_exhausted_vendor_budget_is_neutral_and_takes_no_slot() -> None:
    async with (
        _setup([200], vendor_exhausted_for=12.0) as (gateway, log, vendor),
        virtual_guard(600, "the call"),
    ):
        with pytest.raises(VendorQuotaExhausted) as caught:
            await gateway.call("alice", "free", {"prompt": "hi"})
    assert caught.value.retry_after == 12.0, (
        "VendorQuotaExhausted must propagate unchanged (retry_after 12.0)."
    )
    assert log == ["quota", "breaker", "vendor_token", "breaker_neutral"], (
        f"the shared vendor budget had no token: expected ['quota', 'breaker', 'vendor_token', "
        f"'breaker_neutral'], got {log}. No local token or slot is taken for a call that cannot go out, and "
        "our own budget running dry says nothing about the vendor's health: record it as neutral."
    )
    assert vendor.calls == 0, "a call without a vendor token must never reach the vendor."


async def test_the_queue_timeout_does_not_cover_the_call() -> None:
    script = [(200, 20.0)]  # the vendor takes 20 s
    async with (
        _setup(script, queue_timeout_s=5.0, call_timeout_s=30.0) as (gateway, _log, _vendor),
        virtual_guard(600, "the slow call"),
    ):
        got = await gateway.call("alice", "free", {"prompt": "hi"})
        now = asyncio.get_running_loop().time()
    assert got == {"status": 200} and now == pytest.approx(20.0, abs=1e-3), (
        f"a 20 s vendor answer with queue_timeout_s=5 and call_timeout_s=30 must succeed at t=20; got {got!r} "
        f"at t={now:g}. The queue timeout covers waiting to start, never the call itself."
    )


async def test_a_hung_vendor_hits_the_call_timeout() -> None:
    script = [(200, 40.0)]
    async with _setup(script, call_timeout_s=30.0) as (gateway, log, _vendor), virtual_guard(600, "the call"):
        with pytest.raises(CallTimeout):
            await gateway.call("alice", "free", {"prompt": "hi"})
        now = asyncio.get_running_loop().time()
        slot_free = not gateway.slots.locked()
    assert now == pytest.approx(30.0, abs=1e-3), f"CallTimeout must come at t=30, came at t={now:g}."
    assert slot_free, "after a call timeout the slot must be free again (release it in every exit path)."
    assert log[-2:] == ["slot_released", "breaker_failure"], (
        f"a vendor that does not answer in time is a vendor failure; expected the log to end with "
        f"['slot_released', 'breaker_failure'], got {log}."
    )


@pytest.mark.parametrize(("status", "record"), [(500, "breaker_failure"), (400, "breaker_neutral")])
async def test_vendor_errors_and_the_breaker(status: int, record: str) -> None:
    async with _setup([status]) as (gateway, log, _vendor), virtual_guard(600, "the call"):
        with pytest.raises(VendorError) as caught:
            await gateway.call("alice", "free", {"prompt": "hi"})
    assert caught.value.status == status, (
        f"expected VendorError({status}), got status {caught.value.status!r}."
    )
    assert log[-1] == record and log.count(record) == 1, (
        f"vendor answered {status}: expected exactly one {record!r} at the end, log {log}. A 5xx is the "
        "vendor's failure; a 4xx is our request's fault and says nothing about the vendor's health."
    )


async def test_no_slot_is_held_while_waiting_for_rate_tokens() -> None:
    async with (
        _setup([200], local_wait=10.0, queue_timeout_s=30.0) as (gateway, _log, _vendor),
        virtual_guard(600, "the throttled call"),
    ):
        task = asyncio.create_task(gateway.call("alice", "free", {"prompt": "hi"}))
        await asyncio.sleep(5)
        held = gateway.slots.locked()
        got = await task
    assert not held, (
        "at t=5 the call was still waiting for its local rate token, yet it already held the only slot. "
        "Never hold capacity while you wait for permission: reserve the slot last."
    )
    assert got == {"status": 200}, f"after the 10 s wait the call must succeed; got {got!r}."


ERRORS = {
    "quota": (lambda: QuotaExceeded(20), 429, "20"),
    "breaker open": (lambda: BreakerOpen(29.2), 503, "30"),
    "vendor quota": (lambda: VendorQuotaExhausted(1.5), 503, "2"),
    "queue timeout": (lambda: QueueTimeout("busy"), 503, None),
    "call timeout": (lambda: CallTimeout("slow"), 504, None),
    "vendor error": (lambda: VendorError(500), 502, None),
}


@functools.cache
def _error_app() -> FastAPI:
    """One app for every case: POST /raise/<label> raises that case's exception."""
    app = FastAPI()
    install_error_mapping(app)

    @app.post("/raise/{label}")
    async def answer(label: str) -> dict[str, str]:
        raise ERRORS[label][0]()

    return app


@pytest.mark.parametrize("label", ERRORS)
async def test_errors_map_to_http(label: str) -> None:
    _, status, retry_after = ERRORS[label]
    transport = httpx.ASGITransport(app=_error_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://pod.test") as client:
        response = await client.post(f"/raise/{label}")
    assert response.status_code == status, (
        f"{label}: expected HTTP {status}, got {response.status_code}. 429 is the user's own quota; 503 is "
        "our or the vendor's temporary state (RFC 9110 §15.6.4); 504 the vendor too slow; 502 the vendor's error."
    )
    got = response.headers.get("retry-after")
    if retry_after is not None:
        assert got == retry_after, (
            f"{label}: expected Retry-After {retry_after!r} (whole seconds, rounded up), got {got!r}."
        )
    assert response.headers.get("content-type") == "application/json", (
        f"{label}: the error body should be JSON."
    )
