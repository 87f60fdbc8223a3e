"""Pitfall: the note's header example, `token: str = Header(...)`, which reads a header named "token".

Rejected by: test_context_combines_path_and_bearer_token
Why it is wrong: FastAPI takes a header's name from the Python identifier. Clients send
`Authorization: Bearer ...`, so every real request fails with a 422 for a missing 'token' header.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Header

from solutions.fastapi.depends_wiring.request_inputs import *  # the rest is the reference
from solutions.fastapi.depends_wiring.request_inputs import Settings
from solutions.fastapi.depends_wiring.request_inputs import build_app as _reference


def bearer_token(token: Annotated[str, Header()]) -> str:
    return token.removeprefix("Bearer ").strip()


def request_context(user_id: int, token: Annotated[str, Depends(bearer_token)]) -> dict[str, int | str]:
    return {"user_id": user_id, "token": token}


def build_app(settings: Settings) -> FastAPI:
    app = _reference(settings)
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", "") != "/users/{user_id}/context"]

    @app.get("/users/{user_id}/context")
    def context(ctx: Annotated[dict[str, int | str], Depends(request_context)]) -> dict[str, int | str]:
        return ctx

    return app
