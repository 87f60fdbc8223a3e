"""Pitfall: `use_cache=False` on every settings parameter "to be safe".

Rejected by: test_a_dependency_runs_once_per_request_unless_told_otherwise
Why it is wrong: the dependency then runs once per parameter in every request. For settings that is
wasted work; for a dependency that opens a session or reads a token it means two sessions or two reads
that disagree within one request. Per-request caching is the default for a reason.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI

from solutions.fastapi.depends_wiring.request_inputs import *  # the rest is the reference
from solutions.fastapi.depends_wiring.request_inputs import Settings, get_settings
from solutions.fastapi.depends_wiring.request_inputs import build_app as _reference

Fresh = Annotated[Settings, Depends(get_settings, use_cache=False)]


def build_app(settings: Settings) -> FastAPI:
    app = _reference(settings)
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", "") != "/settings-twice"]

    @app.get("/settings-twice")
    def settings_twice(first: Fresh, second: Fresh) -> dict[str, bool]:
        return {"same": first is second}

    return app
