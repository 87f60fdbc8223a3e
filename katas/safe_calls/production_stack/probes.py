"""Exercise 1 of production_stack: liveness and readiness are different questions.

Brief: katas/safe_calls/production_stack/README.md. Run: `kata run probes`.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI


@dataclass
class PodState:
    """Pod-local facts the probes read; one instance per app, never module-global."""

    started: bool = False  # the lifespan startup has finished
    draining: bool = False  # the lifespan shutdown has begun
    busy_slots: int = 0  # outbound slots in use right now
    capacity: int = 50  # outbound slots in total
    waiting: int = 0  # requests queued for a slot
    max_waiting: int = 20  # the longest wait queue this pod can still drain in time
    vendor_error_rate: float = 0.0  # share of recent vendor calls that failed (a shared dependency)


def readiness(state: PodState) -> tuple[bool, str]:
    """Decide whether this pod should receive traffic, from pod-local facts only.

    Returns `(ready, reason)` where reason is the first that applies, in this order: "starting" (startup
    not finished), "draining" (shutdown has begun), "saturated" (more than this pod's `max_waiting`
    requests are queued); otherwise "ok".
    Busy slots alone are full utilisation, not overload; the vendor's error rate is not this pod's fault.
    """
    raise NotImplementedError


def create_app(state: PodState) -> FastAPI:
    """The app whose probes read `state`.

    - GET /health (liveness): 200 `{"status": "alive"}` whenever the process can answer at all;
    - GET /ready (readiness): 200 `{"status": "ready"}`, or 503 `{"status": "unready", "reason": <reason>}`,
      always as `application/json`;
    - a lifespan that sets `state.started` once startup is done and `state.draining` when shutdown begins.
    """
    raise NotImplementedError
