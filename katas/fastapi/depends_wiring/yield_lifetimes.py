"""Exercise 2 of depends_wiring: yield dependencies, their teardown order and their scope.

Brief: katas/fastapi/depends_wiring/README.md. Run: `kata run yield_lifetimes`.

The harness gives you the fakes (katakit.testkit): `FakeSession(journal, commit_fails=...)` with
add() / commit() / rollback() / close() and a `.closed` flag, `FakeRepo(session)` with close(), and
`CommitFailed`, which commit() raises when the database refuses. Each writes what happens into the journal.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from katakit.testkit import FakeRepo, FakeSession


def get_session(request: Request) -> Iterator[FakeSession]:
    """Open a session with `request.app.state.open_session()` and yield it.

    After the request: commit if it succeeded, roll back if it raised (and re-raise the very same
    error), and close the session in every case. A `CommitFailed` from commit() becomes
    HTTPException(409) ("conflict").
    """
    raise NotImplementedError


def get_repo(session: Annotated[FakeSession, Depends(get_session)]) -> Iterator[FakeRepo]:
    """Open a FakeRepo on the request's session and close it before the session closes.

    Because the repo depends on get_session, the route and the repo share one session (per-request
    caching), and FastAPI tears the repo down first (teardowns run in reverse order of setup).
    """
    raise NotImplementedError


def build_app(journal: list[str], *, commit_fails: bool = False) -> FastAPI:
    """An app whose `app.state.open_session()` returns `FakeSession(journal, commit_fails=commit_fails)`.

    Routes (the journal entries they add are part of the contract):
    - GET /ok            takes the repo and the session, journals "endpoint", schedules a background task
                         that journals "background(open)" or "background(closed)" for the session, returns
                         {"ok": True};
    - GET /missing       takes the session, raises HTTPException(404, "no such item");
    - GET /crash         takes the session, raises ValueError (a bug);
    - GET /export        takes the session and streams three lines, each "open\\n" or "closed\\n"
                         depending on whether the session is still open while that line is produced;
    - POST /strict-write takes the session, calls session.add("order"), returns {"written": True}; a failed
                         commit must reach the client as 409.
    """
    raise NotImplementedError
