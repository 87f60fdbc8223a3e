"""Pitfall: committing in `finally`, so failed requests are committed too.

Rejected by: test_http_errors_roll_back_and_keep_their_status, test_unhandled_errors_roll_back_and_still_close
Why it is wrong: half-done writes of a request that answered 404 or crashed get persisted. Commit only on
the success path (the `else:` branch); failures roll back.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import FastAPI, Request

from katakit.testkit import FakeSession
from solutions.fastapi.depends_wiring.yield_lifetimes import *  # the rest is the reference
from solutions.fastapi.depends_wiring.yield_lifetimes import build_app as _reference
from solutions.fastapi.depends_wiring.yield_lifetimes import get_session as _reference_get_session


def get_session(request: Request) -> Iterator[FakeSession]:
    session: FakeSession = request.app.state.open_session()
    try:
        yield session
    finally:
        session.commit()
        session.close()


def build_app(journal: list[str], *, commit_fails: bool = False) -> FastAPI:
    app = _reference(journal, commit_fails=commit_fails)
    app.dependency_overrides[_reference_get_session] = get_session  # every route now uses the wrong one
    return app
