"""Reference solution: request_inputs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Request
from pydantic import BaseModel, Field


class PageParams(BaseModel):
    page: int = Field(1, ge=1)
    size: int = Field(20, ge=1, le=100)


class Settings(BaseModel):
    api_key: str


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def bearer_token(authorization: Annotated[str | None, Header()] = None) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, "missing or malformed bearer token", headers={"WWW-Authenticate": "Bearer"})
    return token.strip()


def request_context(user_id: int, token: Annotated[str, Depends(bearer_token)]) -> dict[str, int | str]:
    return {"user_id": user_id, "token": token}


def require_api_key(settings: SettingsDep, x_api_key: Annotated[str | None, Header()] = None) -> None:
    if x_api_key is None:
        raise HTTPException(401, "X-API-Key header required")
    if x_api_key != settings.api_key:
        raise HTTPException(403, "wrong API key")


def build_app(settings: Settings) -> FastAPI:
    app = FastAPI()
    app.state.settings = settings

    @app.get("/items")
    def items(params: Annotated[PageParams, Depends()]) -> PageParams:
        return params

    @app.get("/users/{user_id}/context")
    def context(ctx: Annotated[dict[str, int | str], Depends(request_context)]) -> dict[str, int | str]:
        return ctx

    admin = APIRouter(prefix="/admin", dependencies=[Depends(require_api_key)])

    @admin.get("/stats")
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
