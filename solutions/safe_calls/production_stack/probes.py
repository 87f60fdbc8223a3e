"""Reference solution: probes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.responses import JSONResponse


@dataclass
class PodState:
    started: bool = False
    draining: bool = False
    busy_slots: int = 0
    capacity: int = 50
    waiting: int = 0
    max_waiting: int = 20
    vendor_error_rate: float = 0.0


def readiness(state: PodState) -> tuple[bool, str]:
    if not state.started:
        return False, "starting"
    if state.draining:
        return False, "draining"
    if state.waiting > state.max_waiting:
        return False, "saturated"
    return True, "ok"


def create_app(state: PodState) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state.started = True
        try:
            yield
        finally:
            state.draining = True

    app = FastAPI(lifespan=lifespan)

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "alive"}

    @app.get("/ready")
    async def ready() -> JSONResponse:
        ok, reason = readiness(state)
        if ok:
            return JSONResponse({"status": "ready"})
        return JSONResponse({"status": "unready", "reason": reason}, status_code=503)

    return app
