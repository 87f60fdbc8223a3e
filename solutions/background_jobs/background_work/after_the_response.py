"""Reference solution: after_the_response."""

import logging
from collections.abc import Callable, Iterator
from typing import Annotated, Protocol

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException

logger = logging.getLogger("background_work.signup")


class Mailer(Protocol):
    def send(self, to: str, subject: str) -> None: ...


class AuditLog(Protocol):
    async def record(self, event: str, user_id: int) -> None: ...


class Session(Protocol):
    def get_user_email(self, user_id: int) -> str: ...

    def close(self) -> None: ...


def send_welcome(user_id: int, mailer: Mailer, session_factory: Callable[[], Session]) -> None:
    session = session_factory()  # never the request's session: that one is closed by now
    try:
        mailer.send(session.get_user_email(user_id), "Welcome!")
    except Exception:
        logger.exception("welcome mail for user %s failed", user_id)
    finally:
        session.close()


def create_app(*, mailer: Mailer, audit: AuditLog, session_factory: Callable[[], Session]) -> FastAPI:
    app = FastAPI()

    def get_session() -> Iterator[Session]:
        session = session_factory()
        try:
            yield session
        finally:
            session.close()

    @app.post("/signups/{user_id}", status_code=202)
    def signup(
        user_id: int,
        background: BackgroundTasks,
        session: Annotated[Session, Depends(get_session, scope="function")],
    ) -> dict[str, int]:
        try:
            session.get_user_email(user_id)
        except KeyError:
            raise HTTPException(status_code=404, detail="unknown user") from None
        background.add_task(send_welcome, user_id, mailer, session_factory)  # sync: runs in the threadpool
        background.add_task(audit.record, "signup", user_id)  # async: runs on the loop
        return {"user_id": user_id}

    return app
