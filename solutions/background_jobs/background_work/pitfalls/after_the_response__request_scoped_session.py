"""Pitfall: the default ("request") scope for the session dependency.

Rejected by: test_the_job_opens_its_own_session
Why it is wrong: on current FastAPI a request-scoped yield dependency is torn down after the response
AND after the background tasks, so the request's session (a pooled DB connection) stays checked out
while the mail is being sent. scope="function" (FastAPI >= 0.121) closes it before the response.
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

    @app.post("/signups/{user_id}", status_code=202)
    def signup(
        user_id: int,
        background: BackgroundTasks,
        session: Annotated[Session, Depends(get_session)],
    ) -> dict[str, int]:
        try:
            session.get_user_email(user_id)
        except KeyError:
            raise HTTPException(status_code=404, detail="unknown user") from None
        background.add_task(send_welcome, user_id, mailer, session_factory)
        background.add_task(audit.record, "signup", user_id)
        return {"user_id": user_id}

    return app
