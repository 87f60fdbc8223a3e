"""Pitfall: building Settings inside the endpoint instead of asking for them through Depends(get_settings).

Rejected by: test_a_dependency_runs_once_per_request_unless_told_otherwise
Why it is wrong: the endpoint bypasses the dependency graph, so nothing can override it in tests and every
request builds (re-reads, re-validates) its own settings.
"""

from __future__ import annotations

from fastapi import FastAPI, Request

from solutions.fastapi.depends_wiring.request_inputs import *  # the rest is the reference
from solutions.fastapi.depends_wiring.request_inputs import Settings
from solutions.fastapi.depends_wiring.request_inputs import build_app as _reference


def build_app(settings: Settings) -> FastAPI:
    app = _reference(settings)
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", "") != "/settings-twice"]

    @app.get("/settings-twice")
    def settings_twice(request: Request) -> dict[str, bool]:
        first = Settings(api_key=request.app.state.settings.api_key)
        second = Settings(api_key=request.app.state.settings.api_key)
        return {"same": first is second}

    return app
