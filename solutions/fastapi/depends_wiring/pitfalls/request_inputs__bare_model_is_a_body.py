"""Pitfall: declaring PageParams as a bare parameter, which FastAPI reads as a JSON request body.

Rejected by: test_page_params_come_from_the_query_string, test_page_params_are_not_a_request_body
Why it is wrong: GET /items?page=3 then demands a body and ignores the query string; clients (and the
OpenAPI docs) see a body where pagination belongs. A model only becomes query parameters with Depends().
"""

from __future__ import annotations

from fastapi import FastAPI

from solutions.fastapi.depends_wiring.request_inputs import *  # the rest is the reference
from solutions.fastapi.depends_wiring.request_inputs import PageParams, Settings
from solutions.fastapi.depends_wiring.request_inputs import build_app as _reference


def build_app(settings: Settings) -> FastAPI:
    app = _reference(settings)
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", "") != "/items"]

    @app.get("/items")
    def items(params: PageParams) -> PageParams:
        return params

    return app
