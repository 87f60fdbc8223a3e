"""Reference solution: yield_lifetimes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException, Request
from fastapi.responses import StreamingResponse

from katakit.testkit import CommitFailed, FakeRepo, FakeSession


def get_session(request: Request) -> Iterator[FakeSession]:
    session: FakeSession = request.app.state.open_session()
    try:
        yield session
    except Exception:
        session.rollback()
        raise
    else:
        try:
            session.commit()
        except CommitFailed as exc:
            raise HTTPException(409, "conflict: the write was not committed") from exc
    finally:
        session.close()


SessionDep = Annotated[FakeSession, Depends(get_session)]


def get_repo(session: SessionDep) -> Iterator[FakeRepo]:
    repo = FakeRepo(session)
    try:
        yield repo
    finally:
        repo.close()


RepoDep = Annotated[FakeRepo, Depends(get_repo)]


def build_app(journal: list[str], *, commit_fails: bool = False) -> FastAPI:
    app = FastAPI()
    app.state.open_session = lambda: FakeSession(journal, commit_fails=commit_fails)

    def state(session: FakeSession) -> str:
        return "closed" if session.closed else "open"

    @app.get("/ok")
    def ok(repo: RepoDep, session: SessionDep, background: BackgroundTasks) -> dict[str, bool]:
        journal.append("endpoint")
        background.add_task(lambda: journal.append(f"background({state(session)})"))
        return {"ok": True}

    @app.get("/missing")
    def missing(session: SessionDep) -> None:
        raise HTTPException(404, "no such item")

    @app.get("/crash")
    def crash(session: SessionDep) -> None:
        raise ValueError("a bug in the endpoint")

    @app.get("/export")
    def export(session: SessionDep) -> StreamingResponse:
        return StreamingResponse(f"{state(session)}\n" for _ in range(3))

    @app.post("/strict-write")
    def strict_write(
        session: Annotated[FakeSession, Depends(get_session, scope="function")],
    ) -> dict[str, bool]:
        session.add("order")
        return {"written": True}

    return app
