"""Pitfall: the default scope="request" on the route whose commit may fail.

Rejected by: test_failed_commit_can_still_set_the_status
Why it is wrong: request-scoped teardown runs after the response has been sent, so the commit failure
can no longer change the status: the client is told 200 for a write that was never committed.
"""

from __future__ import annotations

from fastapi import FastAPI

from solutions.fastapi.depends_wiring.yield_lifetimes import *  # the rest is the reference
from solutions.fastapi.depends_wiring.yield_lifetimes import SessionDep
from solutions.fastapi.depends_wiring.yield_lifetimes import build_app as _reference


def build_app(journal: list[str], *, commit_fails: bool = False) -> FastAPI:
    app = _reference(journal, commit_fails=commit_fails)
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", "") != "/strict-write"]

    @app.post("/strict-write")
    def strict_write(session: SessionDep) -> dict[str, bool]:
        session.add("order")
        return {"written": True}

    return app
