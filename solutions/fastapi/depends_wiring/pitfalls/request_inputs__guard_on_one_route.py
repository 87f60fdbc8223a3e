"""Pitfall: attaching require_api_key to one admin route instead of the admin router.

Rejected by: test_every_admin_route_is_guarded
Why it is wrong: the next admin route someone adds (here /admin/config) is public. A guard that must cover
a whole area belongs in APIRouter(dependencies=[...]), which protects routes added later too.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI

from solutions.fastapi.depends_wiring.request_inputs import *  # the rest is the reference
from solutions.fastapi.depends_wiring.request_inputs import (
    PageParams,
    Settings,
    SettingsDep,
    get_settings,
    request_context,
    require_api_key,
)


def build_app(settings: Settings) -> FastAPI:
    app = FastAPI()
    app.state.settings = settings

    @app.get("/items")
    def items(params: Annotated[PageParams, Depends()]) -> PageParams:
        return params

    @app.get("/users/{user_id}/context")
    def context(ctx: Annotated[dict[str, int | str], Depends(request_context)]) -> dict[str, int | str]:
        return ctx

    admin = APIRouter(prefix="/admin")

    @admin.get("/stats", dependencies=[Depends(require_api_key)])
    def stats() -> dict[str, int]:
        return {"users": 3}

    @admin.get("/config")
    def config() -> dict[str, bool]:
        return {"debug": False}

    app.include_router(admin)

    @app.get("/settings-twice")
    def settings_twice(first: SettingsDep, second: SettingsDep) -> dict[str, bool]:
        return {"same": first is second}

    @app.get("/settings-fresh")
    def settings_fresh(
        first: SettingsDep, second: Annotated[Settings, Depends(get_settings, use_cache=False)]
    ) -> dict[str, bool]:
        return {"same": first is second}

    return app
