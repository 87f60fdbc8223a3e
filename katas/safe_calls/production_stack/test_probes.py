"""Tests for probes: liveness says "restart me", readiness says "route around me"; never confuse them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from katas.safe_calls.production_stack.probes import PodState, create_app, readiness

READINESS_TABLE = {
    "startup not finished": (PodState(), (False, "starting")),
    "shutdown has begun": (PodState(started=True, draining=True), (False, "draining")),
    "every slot busy, nobody waiting": (PodState(started=True, busy_slots=50, waiting=0), (True, "ok")),
    "wait queue exactly at max_waiting": (PodState(started=True, busy_slots=50, waiting=20), (True, "ok")),
    "wait queue one past max_waiting": (
        PodState(started=True, busy_slots=50, waiting=21),
        (False, "saturated"),
    ),
    "idle and started": (PodState(started=True), (True, "ok")),
    "a small pod: 6 waiting, max_waiting=5": (
        PodState(started=True, waiting=6, max_waiting=5),
        (False, "saturated"),
    ),
    "a big pod: 25 waiting, max_waiting=40": (
        PodState(started=True, waiting=25, max_waiting=40),
        (True, "ok"),
    ),
    "draining with a long queue": (PodState(started=True, draining=True, waiting=99), (False, "draining")),
}


@pytest.mark.parametrize("label", READINESS_TABLE)
def test_readiness_table(label: str) -> None:
    state, expected = READINESS_TABLE[label]
    got = readiness(state)
    assert got == expected, (
        f"{label}: expected readiness {expected}, got {got!r}. A pod is unready while starting, while "
        "draining, and when its wait queue grows past its own max_waiting (checked in that order: the first "
        "reason that applies is the one reported). Every slot busy with nobody waiting is full utilisation, "
        "not overload: taking that pod out of rotation throws away capacity."
    )


def test_ready_endpoint_answers_json_503_when_unready() -> None:
    state = PodState()
    with TestClient(create_app(state)) as client:
        state.started = False  # pretend startup is still running
        response = client.get("/ready")
        assert response.status_code == 503, (
            f"/ready while starting: expected 503 (take me out of rotation), got {response.status_code}."
        )
        assert response.headers.get("content-type") == "application/json", (
            "/ready must say its body is JSON (content-type application/json); got "
            f"{response.headers.get('content-type')!r}. A JSON string without a media type is just text "
            "to load balancers, dashboards and humans reading probe logs."
        )
        assert response.json() == {"status": "unready", "reason": "starting"}, (
            f'expected {{"status": "unready", "reason": "starting"}}, got {response.text!r}.'
        )

        state.started = True
        response = client.get("/ready")
        assert response.status_code == 200, f"/ready when ready: expected 200, got {response.status_code}."
        assert response.json() == {"status": "ready"}, (
            f'expected {{"status": "ready"}}, got {response.text!r}.'
        )

        state.waiting = state.max_waiting + 1
        response = client.get("/ready")
        assert (response.status_code, response.json()) == (
            503,
            {"status": "unready", "reason": "saturated"},
        ), f"/ready with a wait queue past max_waiting: expected 503 'saturated', got {response.text!r}."


def test_health_stays_up_under_load_and_while_draining() -> None:
    state = PodState()
    with TestClient(create_app(state)) as client:
        state.busy_slots, state.waiting = state.capacity, state.max_waiting + 30
        response = client.get("/health")
        assert response.status_code == 200, (
            f"/health on a saturated pod: expected 200, got {response.status_code}. Liveness must stay "
            "200 under load; otherwise Kubernetes restarts exactly the busiest pods and turns overload "
            "into an outage."
        )
        state.waiting, state.draining = 0, True
        response = client.get("/health")
        assert response.status_code == 200, (
            f"/health while draining: expected 200, got {response.status_code}. A draining pod is alive; "
            "it finishes its in-flight requests, it must not be killed."
        )
        assert response.json() == {"status": "alive"}, (
            f'expected {{"status": "alive"}}, got {response.text!r}.'
        )


def test_lifespan_marks_started_then_draining() -> None:
    state = PodState()
    app = create_app(state)
    assert not state.started, "create_app must not mark the pod started; the lifespan startup does that."
    with TestClient(app) as client:
        assert state.started and not state.draining, (
            f"inside the lifespan: expected started=True, draining=False; got {state}."
        )
        assert client.get("/ready").status_code == 200, "a started, idle pod must be ready."
    assert state.draining, (
        "after the lifespan exits, state.draining must be True: set it when shutdown begins (after the "
        "lifespan's yield), so /ready fails while in-flight work finishes."
    )
    got = readiness(state)
    assert got == (False, "draining"), (
        f"a draining pod must report (False, 'draining') so no new traffic arrives; got {got!r}."
    )


def test_vendor_errors_do_not_make_the_pod_unready() -> None:
    state = PodState(started=True, vendor_error_rate=0.95)
    got = readiness(state)
    assert got == (True, "ok"), (
        f"vendor_error_rate=0.95 on an otherwise healthy pod: expected (True, 'ok'), got {got!r}. The "
        "vendor is shared by every pod: tying readiness to it marks every pod unready at once and empties "
        "the Service. Let the circuit breaker fail fast instead."
    )
    with TestClient(create_app(state)) as client:
        state.vendor_error_rate = 0.95
        response = client.get("/ready")
        assert response.status_code == 200, (
            f"/ready during a vendor outage: expected 200, got {response.status_code}."
        )
