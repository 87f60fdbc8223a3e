"""Pitfall: only the exact spelling "Bearer " is accepted (authorization.startswith("Bearer ")).

Rejected by: test_the_scheme_is_case_insensitive
Why it is wrong: HTTP authentication schemes are case-insensitive (RFC 9110, section 11.1); clients and
proxies that send "bearer <t>" get a 401 for a valid token.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Header, HTTPException

from solutions.fastapi.depends_wiring.request_inputs import *  # the rest is the reference
from solutions.fastapi.depends_wiring.request_inputs import Settings
from solutions.fastapi.depends_wiring.request_inputs import bearer_token as _reference_bearer_token
from solutions.fastapi.depends_wiring.request_inputs import build_app as _reference


def bearer_token(authorization: Annotated[str | None, Header()] = None) -> str:
    if not authorization or not authorization.startswith("Bearer ") or not authorization[7:].strip():
        raise HTTPException(401, "missing or malformed bearer token", headers={"WWW-Authenticate": "Bearer"})
    return authorization[7:].strip()


def build_app(settings: Settings) -> FastAPI:
    app = _reference(settings)
    app.dependency_overrides[_reference_bearer_token] = bearer_token  # wire the wrong version in
    return app
