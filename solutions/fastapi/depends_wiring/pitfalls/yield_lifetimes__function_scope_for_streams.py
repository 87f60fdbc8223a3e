"""Pitfall: scope="function" on the session a streaming route uses.

Rejected by: test_streamed_body_still_sees_an_open_session
Why it is wrong: a StreamingResponse produces its body after the endpoint returns; a function-scoped
dependency is torn down before that, so the stream reads from a closed session.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.responses import StreamingResponse

from katakit.testkit import FakeSession
from solutions.fastapi.depends_wiring.yield_lifetimes import *  # the rest is the reference
from solutions.fastapi.depends_wiring.yield_lifetimes import build_app as _reference
from solutions.fastapi.depends_wiring.yield_lifetimes import get_session


def build_app(journal: list[str], *, commit_fails: bool = False) -> FastAPI:
    app = _reference(journal, commit_fails=commit_fails)
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", "") != "/export"]

    @app.get("/export")
    def export(session: Annotated[FakeSession, Depends(get_session, scope="function")]) -> StreamingResponse:
        return StreamingResponse(("closed\n" if session.closed else "open\n") for _ in range(3))

    return app
