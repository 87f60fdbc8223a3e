"""Tests for cpu_pool_lifespan: one executor per app, created and shut down by the lifespan."""

from __future__ import annotations

import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

import katas.concurrency.event_loop_tasks.cpu_pool_lifespan as exercise
from katakit.testkit import SpyExecutor, pin_module
from katas.concurrency.event_loop_tasks.cpu_pool_lifespan import count_primes, create_app


class SpyFactory:
    """An executor factory that counts its calls and hands out spy-wrapped thread pools."""

    def __init__(self) -> None:
        self.pools: list[SpyExecutor] = []

    def __call__(self) -> SpyExecutor:
        pool = SpyExecutor(ThreadPoolExecutor(max_workers=2, thread_name_prefix="cpu-spy"))
        self.pools.append(pool)
        return pool


def test_count_primes() -> None:
    got = [count_primes(n) for n in (2, 10, 100, 1000)]
    assert got == [0, 4, 25, 168], f"primes below 2, 10, 100, 1000 are 0, 4, 25, 168; got {got}"


def test_one_pool_for_the_whole_app() -> None:
    factory = SpyFactory()
    with TestClient(create_app(executor_factory=factory)) as client:
        counts = [client.get(f"/primes/{n}").json() for n in (10, 100, 1000)]
        created_during_requests = len(factory.pools)
    assert counts == [{"count": 4}, {"count": 25}, {"count": 168}], f"unexpected answers {counts}"
    assert created_during_requests == 1, (
        f"the executor factory was called {created_during_requests} times for one app and 3 requests: one "
        "pool per app, created in the lifespan. A pool per request pays process start-up every time and "
        "puts no bound on the number of workers."
    )
    assert factory.pools[0].submits == 3, (
        f"the lifespan executor saw {factory.pools[0].submits} of 3 submits: the work ran elsewhere (inline "
        "on the loop, or asyncio.to_thread). CPU work goes to the app's executor (loop.run_in_executor)."
    )


def test_the_pool_is_shut_down_with_the_app() -> None:
    factory = SpyFactory()
    with TestClient(create_app(executor_factory=factory)) as client:
        client.get("/primes/10")
        assert factory.pools and factory.pools[0].shutdowns == [], "the pool was shut down while serving"
    assert factory.pools[0].shutdowns == [True], (
        f"after the app stopped, shutdown calls were {factory.pools[0].shutdowns}; expected one "
        "shutdown(wait=True) after the lifespan's yield. Worker processes left behind outlive the app."
    )


def test_each_startup_gets_a_fresh_pool() -> None:
    factory = SpyFactory()
    app = create_app(executor_factory=factory)
    assert factory.pools == [], (
        f"create_app() already called the executor factory {len(factory.pools)} time(s): the pool belongs to "
        "the app's lifespan (created at startup, shut down at shutdown), not to building the app. An app "
        "that is built but never served would otherwise leak its workers."
    )
    for round_ in (1, 2):  # the same app served twice (tests, a reload): each startup builds its own pool
        with TestClient(app) as client:
            answer = client.get("/primes/10")
        assert answer.status_code == 200 and answer.json() == {"count": 4}, (
            f"serving the app a second time failed ({answer.status_code} {answer.text}) on round {round_}: "
            "its pool was shut down by the first shutdown. Call executor_factory() inside the lifespan, "
            "before the yield."
        )
    assert [pool.shutdowns for pool in factory.pools] == [[True], [True]], (
        f"expected two pools, each shut down once; got {[pool.shutdowns for pool in factory.pools]}"
    )


def test_no_deprecated_startup_hooks() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        try:
            create_app(executor_factory=SpyFactory())
        except DeprecationWarning as warning:
            pytest.fail(
                f"building the app emitted {warning!r}: on_event is deprecated; use a lifespan context "
                "manager (FastAPI docs, 'Lifespan Events').",
                pytrace=False,
            )


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")  # 3.12+ fork
def test_a_real_process_pool_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    # A process pool pickles count_primes by its module's name: pin that name to the module these tests
    # imported (the kata tooling swaps modules between runs), before the pool forks its workers.
    pin_module(monkeypatch, exercise)
    with TestClient(create_app()) as client:
        answer = client.get("/primes/1000")
    assert answer.json() == {"count": 168}, f"GET /primes/1000 with the default process pool: {answer.json()}"
