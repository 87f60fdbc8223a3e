"""Pitfall: catching the endpoint's exception in the yield dependency and not re-raising it.

Rejected by: test_http_errors_roll_back_and_keep_their_status
Why it is wrong: the exception is thrown into the generator at the yield; swallowing it leaves FastAPI
without a response ("Response not awaited"), so every error, even a deliberate 404, becomes a 500.
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
        session.commit()
    except Exception:
        session.rollback()  # ...and the error is gone
    finally:
        session.close()


def build_app(journal: list[str], *, commit_fails: bool = False) -> FastAPI:
    app = _reference(journal, commit_fails=commit_fails)
    app.dependency_overrides[_reference_get_session] = get_session  # every route now uses the wrong one
    return app
