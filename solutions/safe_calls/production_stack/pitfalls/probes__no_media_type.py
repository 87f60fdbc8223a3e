"""Pitfall: returning the probe's JSON as a bare string body without a media type (as the note does).

Rejected by: test_ready_endpoint_answers_json_503_when_unready
Why it is wrong: `Response(status_code=503, content='{"status": ...}')` sends no content-type, so the body
is not JSON to anything that reads it. Use JSONResponse (or media_type="application/json").
"""

from __future__ import annotations

import json

from fastapi import FastAPI, Response

from solutions.safe_calls.production_stack.probes import *  # the rest is the reference
from solutions.safe_calls.production_stack.probes import PodState, readiness
from solutions.safe_calls.production_stack.probes import create_app as _reference_app


def create_app(state: PodState) -> FastAPI:
    app = _reference_app(state)
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", None) != "/ready"]

    @app.get("/ready")
    async def ready() -> Response:
        ok, reason = readiness(state)
        if ok:
            return Response(content=json.dumps({"status": "ready"}))
        return Response(status_code=503, content=json.dumps({"status": "unready", "reason": reason}))

    return app
