"""Reference solution: after_the_response."""

import logging
from collections.abc import Callable, Iterator
from typing import Annotated, Literal, Protocol

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


class _Signups:
    """The signup endpoint and the work it queues for after the response."""

    session_scope: Literal["function", "request"] | None = "function"  # closed when the endpoint returns

    def __init__(self, mailer: Mailer, audit: AuditLog, session_factory: Callable[[], Session]) -> None:
        self.mailer = mailer
        self.audit = audit
        self.session_factory = session_factory

    def get_session(self) -> Iterator[Session]:
        session = self.session_factory()
        try:
            yield session
        finally:
            session.close()

    def queue_after_response(self, background: BackgroundTasks, user_id: int, session: Session) -> None:
        background.add_task(send_welcome, user_id, self.mailer, self.session_factory)  # sync: threadpool
        background.add_task(self.audit.record, "signup", user_id)  # async: runs on the loop

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/signups/{user_id}", status_code=202)
        def signup(
            user_id: int,
            background: BackgroundTasks,
            session: Annotated[Session, Depends(self.get_session, scope=self.session_scope)],
        ) -> dict[str, int]:
            try:
                session.get_user_email(user_id)
            except KeyError:
                raise HTTPException(status_code=404, detail="unknown user") from None
            self.queue_after_response(background, user_id, session)
            return {"user_id": user_id}

        return app


def create_app(*, mailer: Mailer, audit: AuditLog, session_factory: Callable[[], Session]) -> FastAPI:
    return _Signups(mailer, audit, session_factory).app()
