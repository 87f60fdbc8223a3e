"""Pitfall: /health answers with the readiness verdict, so liveness fails whenever readiness does.

Rejected by: test_health_stays_up_under_load_and_while_draining
Why it is wrong: Kubernetes restarts a pod whose liveness probe fails. Under load that restarts exactly
the busiest pods, drops their in-flight work and pushes their traffic onto the rest: overload becomes
an outage.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from solutions.safe_calls.production_stack.probes import *  # the rest is the reference
from solutions.safe_calls.production_stack.probes import PodState, readiness
from solutions.safe_calls.production_stack.probes import create_app as _reference_app


def create_app(state: PodState) -> FastAPI:
    app = _reference_app(state)
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", None) != "/health"]

    @app.get("/health")
    async def health() -> JSONResponse:
        ok, reason = readiness(state)
        return JSONResponse({"status": "alive" if ok else reason}, status_code=200 if ok else 503)

    return app
