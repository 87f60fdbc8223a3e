"""Pitfall: a required Authorization header, so missing credentials become a 422 validation error.

Rejected by: test_missing_credentials_are_401_not_422
Why it is wrong: a missing credential is an authentication failure. Clients and gateways expect 401 with
WWW-Authenticate telling them how to authenticate, not a 422 that reads like a malformed request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException

from solutions.fastapi.depends_wiring.request_inputs import *  # the rest is the reference
from solutions.fastapi.depends_wiring.request_inputs import Settings
from solutions.fastapi.depends_wiring.request_inputs import build_app as _reference


def bearer_token(authorization: Annotated[str, Header()]) -> str:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, "malformed bearer token", headers={"WWW-Authenticate": "Bearer"})
    return token.strip()


def request_context(user_id: int, token: Annotated[str, Depends(bearer_token)]) -> dict[str, int | str]:
    return {"user_id": user_id, "token": token}


def build_app(settings: Settings) -> FastAPI:
    app = _reference(settings)
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", "") != "/users/{user_id}/context"]

    @app.get("/users/{user_id}/context")
    def context(ctx: Annotated[dict[str, int | str], Depends(request_context)]) -> dict[str, int | str]:
        return ctx

    return app
