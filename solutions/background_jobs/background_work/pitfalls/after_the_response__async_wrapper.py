"""Pitfall: wrapping the blocking mail job in an async def before adding it as a background task.

Rejected by: test_the_blocking_mailer_runs_off_the_loop
Why it is wrong: Starlette runs async background tasks on the event loop and only sync ones in the
threadpool; an async wrapper around a blocking call blocks the loop for every request in flight.
"""

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException

from solutions.background_jobs.background_work.after_the_response import *  # the rest is the reference
from solutions.background_jobs.background_work.after_the_response import (
    AuditLog,
    Mailer,
    Session,
    send_welcome,
)


def create_app(*, mailer: Mailer, audit: AuditLog, session_factory: Callable[[], Session]) -> FastAPI:
    app = FastAPI()

    def get_session() -> Iterator[Session]:
        session = session_factory()
        try:
            yield session
        finally:
            session.close()

    async def welcome_and_audit(user_id: int) -> None:
        send_welcome(user_id, mailer, session_factory)
        await audit.record("signup", user_id)

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
        background.add_task(welcome_and_audit, user_id)
        return {"user_id": user_id}

    return app
