"""Pitfall: adding the raw mailer call as a background task, with no guard around it.

Rejected by: test_a_failing_mail_is_logged_and_the_audit_still_runs
Why it is wrong: background tasks run one after another and the first exception skips the rest, so a
mail outage silently drops the audit trail; the error reaches only the server's stderr.
"""

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException

from solutions.background_jobs.background_work.after_the_response import *  # the rest is the reference
from solutions.background_jobs.background_work.after_the_response import (
    AuditLog,
    Mailer,
    Session,
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
        session: Annotated[Session, Depends(get_session, scope="function")],
    ) -> dict[str, int]:
        try:
            email = session.get_user_email(user_id)
        except KeyError:
            raise HTTPException(status_code=404, detail="unknown user") from None
        background.add_task(mailer.send, email, "Welcome!")
        background.add_task(audit.record, "signup", user_id)
        return {"user_id": user_id}

    return app
